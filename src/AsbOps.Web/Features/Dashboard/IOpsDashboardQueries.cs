using AsbOps.Web.Data;
namespace AsbOps.Web.Features.Dashboard;

/// <summary>What the dashboard and wallboard read; pages depend on this so tests can substitute it.</summary>
public interface IOpsDashboardQueries
{
    Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken cancellationToken = default);

    /// <summary>The counters of every area in scope (<paramref name="areaId"/> null = force-wide), set-based.</summary>
    Task<OpsCounters> CountersAsync(int? areaId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Counters, queues, heatmaps and trend for a scope. <paramref name="areaInRoleLinks"/> adds the area to the role
    /// heatmap's links (for a force-wide user who picked one; an area user's case list is scoped already).
    /// </summary>
    Task<OpsDashboardData> LoadAsync(int? areaId, bool areaInRoleLinks = false, CancellationToken cancellationToken = default);

    /// <summary>The open high-risk cases of a scope: action plan overdue first, then newest first.</summary>
    Task<IReadOnlyList<HighRiskCaseRow>> HighRiskCasesAsync(int? areaId, int cap = 50, CancellationToken cancellationToken = default);
}
