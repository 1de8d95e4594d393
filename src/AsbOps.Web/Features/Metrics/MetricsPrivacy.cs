using System.Security.Claims;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.Metrics;

/// <summary>
/// What of the metrics a viewer may see. Analysts and administrators see the latest overrides with their case
/// reference and rationale; a guidance reviewer (a partner member of the task-and-finish group) sees only the counts.
/// </summary>
public static class MetricsPrivacy
{
    public static bool MaySeeCases(ClaimsPrincipal user) => user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.Admin);

    /// <summary>The metrics without any case reference or free text when the viewer may not see cases.</summary>
    public static GuidanceMetrics ForViewer(GuidanceMetrics metrics, bool maySeeCases) =>
        maySeeCases ? metrics : metrics with { Overrides = metrics.Overrides with { Latest = [] } };
}
