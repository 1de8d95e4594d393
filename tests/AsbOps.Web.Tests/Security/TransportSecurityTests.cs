using System.Net;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Security;

/// <summary>
/// In Production with an https public address: http is redirected, HSTS is sent, cookies are Secure, downloads are
/// not cached and there is no Server header. Development (the demo, on http) keeps plain http.
/// </summary>
public sealed class TransportSecurityTests(TransportSecurityTests.ProductionHttps app) : IClassFixture<TransportSecurityTests.ProductionHttps>
{
    private static readonly Uri Public = new("https://asbops.test/");

    public sealed class ProductionHttps : AsbOpsAppFactory, IAsyncLifetime
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["App:BaseUrl"] = "https://asbops.test",
            ["App:TrustedProxies:0"] = "192.0.2.10",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }

        public async Task InitializeAsync()
        {
            var area = await AddAreaAsync("TLSAREA");
            await AddUserAsync("officer@tls.test", Roles.Officer, areaId: area.Id);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task PlainHttpIsRedirectedToHttps()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://asbops.test/") });

        using var response = await client.GetAsync("/Account/Login");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect,
            $"{(int)response.StatusCode}");
        Assert.Equal("https", response.Headers.Location!.Scheme);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthIsAnsweredOverPlainHttpSoThatAContainerProbeSeesTheRealStatus(string path)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost:8080/") });

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HttpsPagesCarryHstsSecureCookiesAndNoServerHeader()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = Public });

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task DownloadsAreNeverCached()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = Public });
        var signIn = await LoginForm.PostAsync(client, "officer@tls.test", AsbOpsAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.All(signIn.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));

        using var export = await client.GetAsync("/exports/cases.xlsx");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("no-store", export.Headers.CacheControl!.ToString());
        Assert.Contains("nosniff", export.Headers.GetValues("X-Content-Type-Options"));
    }

    [Theory]
    [InlineData("198.51.100.7", false)]
    [InlineData("192.0.2.10", true)]
    public async Task ForwardedHeadersAreBelievedOnlyFromATrustedProxy(string sender, bool trusted)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(sender);
            c.Request.Method = "GET";
            c.Request.Scheme = "http";
            c.Request.Host = new Microsoft.AspNetCore.Http.HostString("asbops.test");
            c.Request.Path = "/Account/Login";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
        });

        // Believed: the request counts as https from the client's address, so no redirect; otherwise http, redirected.
        Assert.Equal(trusted ? 200 : 307, context.Response.StatusCode);
        Assert.Equal(trusted ? "203.0.113.9" : sender, context.Connection.RemoteIpAddress!.ToString());
    }

    [Fact]
    public async Task DevelopmentKeepsPlainHttpForTheDemo()
    {
        using var dev = new DevelopmentHttps();
        using var client = dev.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://asbops.test/") });

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private sealed class DevelopmentHttps : AsbOpsAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["App:BaseUrl"] = "https://asbops.test" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
