using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Security.ApiKeys;

/// <summary>
/// Authenticates a machine client by <c>X-Api-Key</c> (or, for the hub's WebSocket, the <c>access_token</c> query
/// value). Challenges and refusals answer with problem details instead of redirects.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyRegistry registry,
    StoredApiClientLookup stored)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrEmpty(header))
        {
            return header.ToString();
        }

        return request.Path.StartsWithSegments("/hubs") && request.Query.TryGetValue("access_token", out var token)
            ? token.ToString()
            : null;
    }

    /// <summary>Claim type carrying the client's requests per minute, which the rate limiter reads.</summary>
    public const string RateClaimType = "asbops:rate";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        // Clients from configuration first (in memory), then those an administrator created (database, never cached).
        var client = registry.Find(presented)
            ?? (ApiKeyRegistry.HashOfPresented(presented) is { } hash ? await stored.FindAsync(hash, Context.RequestAborted) : null);
        if (client is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "client:" + client.Name),
            new(ClaimTypes.Name, client.Name),
            new(ApiScopes.ClientClaimType, client.Name),
            new(RateClaimType, client.RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(client.Scopes.Select(s => new Claim(ApiScopes.ClaimType, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Missing or unknown API key",
            $"Send a valid key in the {HeaderName} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed",
            "The key is valid but does not carry the scope this endpoint needs.");
}
