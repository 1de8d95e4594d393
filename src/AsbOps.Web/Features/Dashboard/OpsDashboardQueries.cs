using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The dashboard's reads: counters, queue counts and both heatmaps from one <see cref="OpenCaseTally"/>; queue rows
/// from <see cref="DashboardQueueQueries"/>; the trend from the compliance snapshots. Short-lived contexts, no tracking, no per-area loops.
/// </summary>
public sealed class OpsDashboardQueries(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    IComplianceQueries compliance,
    OpenCaseTally tally,
    DashboardQueueQueries queues,
    TimeProvider clock) : IOpsDashboardQueries
{
    public async Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Areas.AsNoTracking().OrderBy(a => a.Code).Select(a => new AreaInfo(a.Id, a.Code, a.Name)).ToListAsync(cancellationToken);
    }

    public async Task<OpsCounters> CountersAsync(int? areaId, CancellationToken cancellationToken = default) =>
        (await tally.CountAsync(areaId, clock.GetUtcNow().UtcDateTime, cancellationToken)).ToCounters();

    public Task<IReadOnlyDictionary<int, int>> AwaitingScreeningAsync(IReadOnlyCollection<int> areaIds, CancellationToken cancellationToken = default) =>
        tally.AwaitingScreeningAsync(areaIds, cancellationToken);

    public async Task<OpsDashboardData> LoadAsync(int? areaId, bool areaInRoleLinks = false, CancellationToken cancellationToken = default)
    {
        // Independent reads on their own short-lived contexts, side by side (SQLite in WAL mode serves readers at once),
        // all at one instant; the queues take their counts from the tally when it is in. Each starts on the thread pool:
        // Microsoft.Data.Sqlite runs its "async" commands synchronously, so without it they would run one after another.
        var now = clock.GetUtcNow().UtcDateTime;
        var counts = Task.Run(() => tally.CountAsync(areaId, now, cancellationToken), cancellationToken);
        var queueList = Task.Run(() => queues.LoadAsync(areaId, now, counts, cancellationToken), cancellationToken);
        var trend = Task.Run(() => compliance.WeeklyHistoryAsync(areaId, 12, cancellationToken), cancellationToken);
        await Task.WhenAll(counts, queueList, trend);

        var tallied = counts.Result;
        var linkArea = areaInRoleLinks && areaId is not null ? tallied.Areas.All.FirstOrDefault()?.Code : null;
        var roleHeatmap = new RiskHeatmap("People on open cases by role and risk level", RiskLinks.HeatmapRoles
            .Select(role => new HeatmapRow(CaseDisplay.Key(role), CaseDisplay.Words(role), RiskLinks.HeatmapLevels
                .Select(level => new HeatmapCell(level, tallied.People(role, level), RiskLinks.CasesByRole(role, level, linkArea)))
                .ToList()))
            .ToList());
        var areaHeatmap = new RiskHeatmap("Open cases by area and risk level", tallied.Areas.All
            .Select(area => new HeatmapRow(area.Code, area.Name, RiskLinks.HeatmapLevels
                .Select(level => new HeatmapCell(level, tallied.OpenCases(area.Id, level), RiskLinks.CasesByArea(area.Code, level)))
                .ToList()))
            .ToList());
        return new OpsDashboardData(tallied.ToCounters(), queueList.Result, roleHeatmap, areaHeatmap, trend.Result);
    }

    public async Task<IReadOnlyList<HighRiskCaseRow>> HighRiskCasesAsync(int? areaId, int cap = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plans = db.ActionPlans;
        var markers = db.Markers;
        var planCutoff = clock.GetUtcNow().UtcDateTime.AddHours(-queues.ActionPlanHours);
        // What a control room must act on first: plans overdue, then the newest; the oldest fall off the end.
        return await db.Cases.AsNoTracking()
            .Where(CaseStanding.IsOpen)
            .Where(c => c.RiskLevel == RiskLevel.High && (areaId == null || c.AreaId == areaId))
            .Select(c => new
            {
                c.Reference,
                c.AreaId,
                c.RiskLevel,
                c.HighRiskSince,
                Since = c.HighRiskSince ?? c.OpenedAt,
                HasPlan = plans.Any(p => p.CaseId == c.Id),
                HasMarker = markers.Any(m => m.CaseId == c.Id && m.EndedAt == null),
            })
            .OrderByDescending(c => !c.HasPlan && c.Since < planCutoff)
            .ThenByDescending(c => c.Since)
            .Take(cap)
            .Select(c => new HighRiskCaseRow(
                c.Reference,
                db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).First(),
                c.RiskLevel,
                c.HighRiskSince,
                c.HasPlan,
                c.HasMarker,
                !c.HasPlan && c.Since < planCutoff))
            .ToListAsync(cancellationToken);
    }
}
