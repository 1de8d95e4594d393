using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The dashboard's reads: counters from the compliance counts plus one grouped incident query; heatmaps from two
/// grouped queries; queues from <see cref="DashboardQueueQueries"/>. Short-lived contexts, no tracking, no per-area loops.
/// </summary>
public sealed class OpsDashboardQueries(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    IComplianceQueries compliance,
    DashboardQueueQueries queues) : IOpsDashboardQueries
{
    public async Task<IReadOnlyList<AreaOption>> AreasAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Areas.AsNoTracking().OrderBy(a => a.Code).Select(a => new AreaOption(a.Id, a.Code, a.Name)).ToListAsync(cancellationToken);
    }

    public async Task<OpsCounters> CountersAsync(int? areaId, CancellationToken cancellationToken = default)
    {
        // The two counts share nothing, so they run side by side on their own contexts: every change's push waits on both.
        var countsTask = compliance.CountAsync(areaId, cancellationToken);
        var awaitingTask = AwaitingScreeningAsync(areaId, cancellationToken);
        await Task.WhenAll(countsTask, awaitingTask);
        var (counts, awaiting) = (countsTask.Result, awaitingTask.Result);

        var byArea = counts.Areas.ToDictionary(
            a => a.AreaCode,
            a => new AreaCounters(awaiting.GetValueOrDefault(a.AreaId ?? 0), a.OpenCases, a.HighRiskCases, a.MissingAssessments,
                a.UnknownAnswers, a.OverdueReviews),
            StringComparer.Ordinal);
        var total = counts.Total;
        return new OpsCounters(counts.At, byArea.Values.Sum(a => a.AwaitingScreening), total.OpenCases, total.HighRiskCases,
            total.MissingAssessments, total.UnknownAnswers, total.OverdueReviews, byArea);
    }

    private async Task<Dictionary<int, int>> AwaitingScreeningAsync(int? areaId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == null && i.Screening == null && (areaId == null || i.AreaId == areaId))
            .GroupBy(i => i.AreaId)
            .Select(g => new { AreaId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AreaId, g => g.Count, cancellationToken);
    }

    public async Task<OpsDashboardData> LoadAsync(int? areaId, bool areaInRoleLinks = false, CancellationToken cancellationToken = default)
    {
        // Independent reads on their own short-lived contexts, side by side (SQLite in WAL mode serves readers at once).
        var countersAndQueues = CountersAndQueuesAsync(areaId, cancellationToken);
        var trend = compliance.WeeklyHistoryAsync(areaId, 12, cancellationToken);
        var heatmaps = HeatmapsAsync(areaId, areaInRoleLinks, cancellationToken);
        await Task.WhenAll(countersAndQueues, trend, heatmaps);
        var (counters, queueList) = countersAndQueues.Result;
        var (roleHeatmap, areaHeatmap) = heatmaps.Result;
        return new OpsDashboardData(counters, queueList, roleHeatmap, areaHeatmap, trend.Result);
    }

    private async Task<(OpsCounters, IReadOnlyList<DashboardQueue>)> CountersAndQueuesAsync(int? areaId, CancellationToken cancellationToken)
    {
        var counters = await CountersAsync(areaId, cancellationToken);
        return (counters, await queues.LoadAsync(areaId, counters, cancellationToken));
    }

    private async Task<(RiskHeatmap Role, RiskHeatmap Area)> HeatmapsAsync(int? areaId, bool areaInRoleLinks, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var areas = await AreaLookup.LoadAsync(db, areaId, cancellationToken);
        var openCases = db.Cases.AsNoTracking().Where(CaseRulePredicates.IsOpen).Where(c => areaId == null || c.AreaId == areaId);

        // From the open cases to their people (indexed by case), rather than every participant probing for an open case.
        var byRole = await (from c in openCases
                            join p in db.CaseParticipants.AsNoTracking() on c.Id equals p.CaseId
                            where p.Role == PersonRole.Victim || p.Role == PersonRole.Perpetrator || p.Role == PersonRole.Witness
                            select p)
            .GroupBy(p => new { p.Role, p.RiskLevel })
            .Select(g => new { g.Key.Role, g.Key.RiskLevel, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byArea = await openCases
            .GroupBy(c => new { c.AreaId, c.RiskLevel })
            .Select(g => new { g.Key.AreaId, g.Key.RiskLevel, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var linkArea = areaInRoleLinks && areaId is not null ? areas.All.FirstOrDefault()?.Code : null;
        var roleHeatmap = new RiskHeatmap("People on open cases by role and risk level", RiskLinks.HeatmapRoles
            .Select(role => new HeatmapRow(RiskLinks.Slug(role), role.ToString(), RiskLinks.HeatmapLevels
                .Select(level => new HeatmapCell(level,
                    byRole.Where(r => r.Role == role && r.RiskLevel == level).Sum(r => r.Count),
                    RiskLinks.CasesByRole(role, level, linkArea)))
                .ToList()))
            .ToList());
        var areaHeatmap = new RiskHeatmap("Open cases by area and risk level", areas.All
            .Select(area => new HeatmapRow(area.Code, area.Name, RiskLinks.HeatmapLevels
                .Select(level => new HeatmapCell(level,
                    byArea.Where(r => r.AreaId == area.Id && r.RiskLevel == level).Sum(r => r.Count),
                    RiskLinks.CasesByArea(area.Code, level)))
                .ToList()))
            .ToList());

        return (roleHeatmap, areaHeatmap);
    }

    public async Task<IReadOnlyList<HighRiskCaseRow>> HighRiskCasesAsync(int? areaId, int cap = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plans = db.ActionPlans;
        var markers = db.Markers;
        return await db.Cases.AsNoTracking()
            .Where(CaseRulePredicates.IsOpen)
            .Where(c => c.RiskLevel == RiskLevel.High && (areaId == null || c.AreaId == areaId))
            .OrderBy(c => c.HighRiskSince ?? c.OpenedAt)
            .Take(cap)
            .Select(c => new HighRiskCaseRow(
                c.Reference,
                db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).First(),
                c.RiskLevel,
                c.HighRiskSince,
                plans.Any(p => p.CaseId == c.Id),
                markers.Any(m => m.CaseId == c.Id && m.EndedAt == null)))
            .ToListAsync(cancellationToken);
    }
}
