using AsbOps.Web.Features.Map;
using AsbOps.Web.Security.SingleSignOn;

namespace AsbOps.Web;

/// <summary>
/// The Content-Security-Policy every response carries, built once from settings. Scripts only from the app's own
/// origin (Blazor Server needs no eval and the app has no inline script); styles from the app plus inline style
/// attributes, which MudBlazor's components set; the circuit's WebSocket and the app's fetches to its own origin;
/// images from the app, <c>data:</c> (the TOTP QR code) and the configured map tile server; forms post to the app and,
/// when single sign-on is on, go on to the identity provider; never framed.
/// </summary>
public static class ContentSecurityPolicy
{
    public static string Build(MapOptions map, OidcOptions oidc)
    {
        var images = "'self' data:";
        if (TemplateOrigin(map.TileUrl) is { } tiles)
        {
            images += " " + tiles;
        }

        var forms = "'self'";
        if (oidc.Enabled && TemplateOrigin(oidc.Authority) is { } provider)
        {
            forms += " " + provider;
        }

        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            $"img-src {images}",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            $"form-action {forms}",
            "frame-ancestors 'none'");
    }

    /// <summary>
    /// The scheme and host of a URL or a Leaflet template (<c>https://{s}.tiles.example/{z}/{x}/{y}.png</c> gives
    /// <c>https://*.tiles.example</c>); null when there is none or it cannot be read.
    /// </summary>
    public static string? TemplateOrigin(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return null;
        }

        var probe = template.Trim().Replace("{s}", "subdomain", StringComparison.Ordinal);
        var cut = probe.IndexOf('{', StringComparison.Ordinal);
        if (cut >= 0)
        {
            probe = probe[..cut];
        }

        if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var host = uri.Host.StartsWith("subdomain.", StringComparison.Ordinal) ? "*" + uri.Host["subdomain".Length..] : uri.Host;
        return uri.IsDefaultPort ? $"{uri.Scheme}://{host}" : $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
