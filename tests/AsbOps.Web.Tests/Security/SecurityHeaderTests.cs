using AsbOps.Web.Features.Map;
using AsbOps.Web.Security.SingleSignOn;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Security;

/// <summary>Every response carries the headers that stop sniffing, framing and leaking the address to other sites.</summary>
public sealed class SecurityHeaderTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health/ready")]
    [InlineData("/api/v1/areas")]
    [InlineData("/no-such-page")]
    public async Task EveryResponseForbidsSniffingFramingAndCrossSiteReferrers(string path)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["base-uri"]);
    }

    [Fact]
    public void TheMapTileServerMayServeImagesAndTheIdentityProviderMayReceiveTheSignInForm()
    {
        var policy = Directives(ContentSecurityPolicy.Build(
            new MapOptions { TileUrl = "https://{s}.tiles.force.example:8443/osm/{z}/{x}/{y}.png" },
            new OidcOptions { Authority = "https://login.example/tenant/v2.0" }));

        Assert.Equal("'self' data: https://*.tiles.force.example:8443", policy["img-src"]);
        Assert.Equal("'self' https://login.example", policy["form-action"]);
        Assert.DoesNotContain("unsafe", policy["script-src"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("not a url", null)]
    [InlineData("ftp://tiles.example/{z}/{x}/{y}.png", null)]
    [InlineData("https://tiles.example/{z}/{x}/{y}.png", "https://tiles.example")]
    [InlineData("http://127.0.0.1:8080/{z}/{x}/{y}.png", "http://127.0.0.1:8080")]
    [InlineData("https://{s}.tile.example/{z}/{x}/{y}.png", "https://*.tile.example")]
    public void ATileTemplateGivesTheOriginItLoadsFrom(string template, string? origin) =>
        Assert.Equal(origin, ContentSecurityPolicy.TemplateOrigin(template));

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}
