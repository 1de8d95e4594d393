using System.Net;

namespace AsbOps.Web.Security.SingleSignOn;

/// <summary>
/// Section <c>Authentication:Oidc</c>: sign-in through an OpenID Connect provider such as Microsoft Entra ID. Off while
/// <see cref="Authority"/> is empty.
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/&lt;tenant&gt;/v2.0</c>; empty leaves single sign-on off.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>Scopes asked for, separated by spaces or commas; <c>openid</c> is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile email";

    /// <summary>The claim whose values are AsbOps role names (Entra ID app roles arrive as <c>roles</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim holding the user's area code; empty when the provider does not send one.</summary>
    public string AreaClaim { get; set; } = "";

    /// <summary>The claim holding a partner user's agency; empty when the provider does not send one.</summary>
    public string AgencyClaim { get; set; } = "";

    /// <summary>True creates an unknown user on first sign-in with the role the claims give; false refuses them.</summary>
    public bool CreateUsers { get; set; }

    /// <summary>The provider's name on the login page's button, "Sign in with …".</summary>
    public string DisplayName { get; set; } = "Microsoft Entra ID";

    /// <summary>
    /// False lets the provider's metadata come over plain http. Allowed only for a loopback authority (a provider on the
    /// same machine, as in tests); every other authority must be https.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public IReadOnlyList<string> ScopeList =>
        [.. Scopes.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("openid").Distinct(StringComparer.Ordinal)];

    public bool AuthorityIsLoopback =>
        Uri.TryCreate(Authority, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));

    /// <summary>Why the settings cannot work, or null when they can (or single sign-on is off).</summary>
    public string? Problem()
    {
        if (!Enabled)
        {
            return null;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            return $"{Section}:Authority must be the provider's absolute https address, such as https://login.microsoftonline.com/<tenant>/v2.0.";
        }

        if (authority.Scheme == Uri.UriSchemeHttp && (RequireHttpsMetadata || !AuthorityIsLoopback))
        {
            return $"{Section}:Authority must use https; plain http is allowed only for a loopback provider with {Section}:RequireHttpsMetadata=false.";
        }

        if (!RequireHttpsMetadata && !AuthorityIsLoopback)
        {
            return $"{Section}:RequireHttpsMetadata=false is allowed only for a loopback authority (127.0.0.1 or localhost).";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            return $"{Section}:ClientId must be set when {Section}:Authority is (the application (client) id the provider gave AsbOps).";
        }

        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            return $"{Section}:RoleClaim must name the claim that carries the AsbOps role (Entra ID: roles).";
        }

        return null;
    }
}
