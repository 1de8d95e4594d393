using System.Net;
using AsbOps.Web.Security.ApiKeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Telemetry;

/// <summary>
/// Who may read <c>/observability/metrics</c>: a machine client whose key carries <c>ops:read</c>, or a request from
/// an address in <c>Telemetry:ScrapeAllowedAddresses</c>. A signed-in person's cookie does not count: this is for
/// Prometheus, not for people. Anyone else gets 401 (no or unknown key) or 403 (a key without the scope).
/// </summary>
public static class ScrapeAccess
{
    public const string Policy = "telemetry:scrape";

    public static AuthorizationBuilder AddScrapePolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .AddRequirements(new ScrapeRequirement()));
}

public sealed class ScrapeRequirement : IAuthorizationRequirement;

/// <summary>Met by the <c>ops:read</c> scope or an allowed remote address.</summary>
public sealed class ScrapeHandler : AuthorizationHandler<ScrapeRequirement>
{
    private readonly IReadOnlyList<IPNetwork> _allowed;

    public ScrapeHandler(IOptions<TelemetryOptions> options) =>
        _allowed = TelemetryOptions.ParseAddresses(options.Value.ScrapeAllowedAddresses).Networks;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScrapeRequirement requirement)
    {
        if (context.User.HasClaim(ApiScopes.ClaimType, ApiScopes.OpsRead) || IsAllowedAddress(context.Resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool IsAllowedAddress(object? resource)
    {
        if (_allowed.Count == 0 || resource is not HttpContext http || http.Connection.RemoteIpAddress is not { } address)
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var network in _allowed)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
