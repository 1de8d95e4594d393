using System.Security.Claims;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Security.ApiKeys;

namespace AsbOps.Web.Features.Dashboard.Feed;

/// <summary>Who is listening: a force-wide viewer (a machine key, compliance, analyst, admin) or one area's staff.</summary>
public sealed record OpsViewer(bool IsRestricted, string? OwnArea);

/// <summary>Works out which areas a hub caller may receive, from their key or their login's role and area.</summary>
public sealed class OpsAudience(AreaDirectory areas)
{
    public async Task<OpsViewer> ResolveAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var scope = UserScope.FromPrincipal(user);
        if (scope.IsForceWide)
        {
            return new OpsViewer(false, null);
        }

        // Every other role that passes the policy is limited to its area; without one it may see nothing.
        var own = scope.AreaId is { } id ? (await areas.AllAsync(cancellationToken)).FirstOrDefault(a => a.Id == id)?.Code : null;
        return new OpsViewer(true, own);
    }

    public Task<AreaInfo?> FindAreaAsync(string code, CancellationToken cancellationToken = default) => areas.FindAsync(code, cancellationToken);
}
