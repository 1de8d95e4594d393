using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace AsbOps.Web;

/// <summary>
/// How the app meets the network: the client's address and scheme from forwarded headers only when a configured
/// proxy sent them, HTTPS (redirect and HSTS) outside Development when <c>App:BaseUrl</c> is https, cookies marked
/// Secure then, and no <c>Server</c> header.
/// </summary>
public static class TransportSecurity
{
    /// <summary>The proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (addresses).</summary>
    public const string TrustedProxiesKey = "App:TrustedProxies";

    /// <summary>The health endpoints (/health/live, /health/ready), answered over plain http too.</summary>
    private static readonly PathString HealthPath = new("/health");

    /// <summary>True outside Development when the public address is https.</summary>
    public static bool RequiresHttps(IConfiguration configuration, IWebHostEnvironment environment) =>
        !environment.IsDevelopment()
        && Uri.TryCreate((configuration["App:BaseUrl"] is { Length: > 0 } url ? url : configuration[AppOptions.LegacyBaseUrlKey]) ?? "", UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps;

    public static WebApplicationBuilder AddAsbOpsTransportSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var proxies = builder.Configuration.GetSection(TrustedProxiesKey).Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;

            // Only the proxies named in settings; none named leaves the loopback default, so a client cannot claim an address.
            if (proxies.Length > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
                }
            }
        });

        if (RequiresHttps(builder.Configuration, builder.Environment))
        {
            var port = new Uri(builder.Configuration["App:BaseUrl"] is { Length: > 0 } url ? url : builder.Configuration[AppOptions.LegacyBaseUrlKey]!).Port;
            builder.Services.AddHsts(options =>
            {
                options.MaxAge = TimeSpan.FromDays(365);
                options.IncludeSubDomains = false;
            });
            builder.Services.AddHttpsRedirection(options => options.HttpsPort = port);
            builder.Services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.Always);
        }

        return builder;
    }

    /// <summary>First in the pipeline: the real client address and scheme, then HTTPS when required.</summary>
    public static void UseAsbOpsTransportSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (RequiresHttps(app.Configuration, app.Environment))
        {
            app.UseHsts();
            // Health probes (Docker's HEALTHCHECK, Compose, an orchestrator) call the instance itself over plain http:
            // redirected, a probe would see a 307 and never learn that the instance is not ready. They carry no data.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments(HealthPath), https => https.UseHttpsRedirection());
            app.UseCookiePolicy();
        }
    }
}
