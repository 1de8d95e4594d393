using AsbOps.Web.Data;
namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// What pages read: the dashboard snapshot from <see cref="DashboardSnapshots"/> (computed by
/// <see cref="OpsDashboardQueries"/> in a scope of its own, as readers of other circuits may share it); counters, areas
/// and the wallboard's high-risk list straight from <see cref="OpsDashboardQueries"/>.
/// </summary>
public sealed class SnapshotDashboardQueries(
    OpsDashboardQueries live,
    DashboardSnapshots snapshots,
    IServiceScopeFactory scopes) : IOpsDashboardQueries
{
    public Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken cancellationToken = default) => live.AreasAsync(cancellationToken);

    public Task<OpsCounters> CountersAsync(int? areaId, CancellationToken cancellationToken = default) =>
        live.CountersAsync(areaId, cancellationToken);

    public Task<IReadOnlyDictionary<int, int>> AwaitingScreeningAsync(IReadOnlyCollection<int> areaIds, CancellationToken cancellationToken = default) =>
        live.AwaitingScreeningAsync(areaIds, cancellationToken);

    public Task<OpsDashboardData> LoadAsync(int? areaId, bool areaInRoleLinks = false, CancellationToken cancellationToken = default) =>
        snapshots.GetAsync(areaId, areaInRoleLinks, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OpsDashboardQueries>().LoadAsync(areaId, areaInRoleLinks, CancellationToken.None);
        }, cancellationToken);

    public Task<IReadOnlyList<HighRiskCaseRow>> HighRiskCasesAsync(int? areaId, int cap = 50, CancellationToken cancellationToken = default) =>
        live.HighRiskCasesAsync(areaId, cap, cancellationToken);
}
