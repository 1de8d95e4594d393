using AsbOps.Web.Data;
namespace AsbOps.Web.Features.Dashboard;

/// <summary>What the dashboard and wallboard read; pages depend on this so tests can substitute it.</summary>
public interface IOpsDashboardQueries
{
    Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken cancellationToken = default);

    /// <summary>The counters of every area in scope (<paramref name="areaId"/> null = force-wide), set-based.</summary>
    Task<OpsCounters> CountersAsync(int? areaId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Only the incidents awaiting screening of each area named (areas with none are absent): the one number a received
    /// incident moves. By default read from each area's full counters; the live queries count it alone.
    /// </summary>
    async Task<IReadOnlyDictionary<int, int>> AwaitingScreeningAsync(IReadOnlyCollection<int> areaIds, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<int, int>();
        var codes = (await AreasAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Code);
        foreach (var id in areaIds)
        {
            var counters = await CountersAsync(id, cancellationToken);
            if (codes.TryGetValue(id, out var code) && counters.ByArea.GetValueOrDefault(code) is { AwaitingScreening: > 0 } area)
            {
                counts[id] = area.AwaitingScreening;
            }
        }

        return counts;
    }

    /// <summary>
    /// Counters, queues, heatmaps and trend for a scope. <paramref name="areaInRoleLinks"/> adds the area to the role
    /// heatmap's links (for a force-wide user who picked one; an area user's case list is scoped already).
    /// </summary>
    Task<OpsDashboardData> LoadAsync(int? areaId, bool areaInRoleLinks = false, CancellationToken cancellationToken = default);

    /// <summary>The open high-risk cases of a scope: action plan overdue first, then newest first.</summary>
    Task<IReadOnlyList<HighRiskCaseRow>> HighRiskCasesAsync(int? areaId, int cap = 50, CancellationToken cancellationToken = default);
}
