using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Compliance;

/// <summary>
/// Evaluates the compliance rules over open cases: one grouped query counts every rule per area; findings are one
/// capped query per rule. Nothing loads cases into memory.
/// </summary>
public sealed class ComplianceQueries(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ComplianceOptions> options,
    ComplianceBoard board) : IComplianceQueries
{
    /// <summary>From the kept board, brought up to date by the cases that changed (ADR 0022).</summary>
    public Task<ComplianceLive> LiveAsync(int? areaId, int cap, CancellationToken cancellationToken = default) =>
        board.GetAsync(areaId, cap, cancellationToken);

    public async Task<ComplianceCounts> CountAsync(int? areaId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = new CaseRulePredicates(db, options.Value.ToThresholds(), now);
        var areas = await AreaLookup.LoadAsync(db, areaId, cancellationToken);
        return await CountAsync(db, rules, areas, areaId, cancellationToken);
    }

    /// <summary>The counts on a given context and instant, for the sweep's transaction.</summary>
    internal static async Task<ComplianceCounts> CountAsync(
        AsbOpsDbContext db, CaseRulePredicates rules, AreaLookup areas, int? areaId, CancellationToken cancellationToken)
    {
        var rows = await db.Cases.AsNoTracking()
            .Where(CaseStanding.IsOpen)
            .Where(c => areaId == null || c.AreaId == areaId)
            .Select(CaseFlagsProjection.Build(rules))
            .GroupBy(f => f.AreaId)
            .Select(g => new RuleTally
            {
                AreaId = g.Key,
                Open = g.Count(),
                High = g.Sum(f => f.High),
                Missing = g.Sum(f => f.Missing),
                Rule1 = g.Sum(f => f.Rule1),
                Rule2 = g.Sum(f => f.Rule2),
                Rule3 = g.Sum(f => f.Rule3),
                Unknown = g.Sum(f => f.UnknownAnswers),
                Rule5 = g.Sum(f => f.Rule5),
                Rule6 = g.Sum(f => f.Rule6),
                Rule7 = g.Sum(f => f.Rule7),
            })
            .ToDictionaryAsync(r => r.AreaId, cancellationToken);
        return ToCounts(rows, areas, areaId, rules.Now);
    }

    /// <summary>The counts of every area of the scope from its tally (areas without open cases count zero), and their total.</summary>
    internal static ComplianceCounts ToCounts(IReadOnlyDictionary<int, RuleTally> tallies, AreaLookup areas, int? areaId, DateTime now)
    {
        var perArea = areas.All
            .Select(area => tallies.TryGetValue(area.Id, out var tally) ? tally.ToCounts(area) : Empty(area.Id, area.Code, area.Name))
            .ToList();
        return new ComplianceCounts(now, perArea, Sum(perArea, areaId is null ? null : areas.All.FirstOrDefault()));
    }

    public async Task<IReadOnlyList<ComplianceFindingRow>> FindingsAsync(
        ComplianceRule rule, int? areaId, int cap, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = new CaseRulePredicates(db, options.Value.ToThresholds(), now);
        var areas = await AreaLookup.LoadAsync(db, areaId, cancellationToken);

        var query = Breaking(db, rules, rule, areaId);
        IOrderedQueryable<Domain.Cases.AsbCase> ordered = rule switch
        {
            ComplianceRule.HighRiskWithoutPlanOrMarker => query.OrderBy(c => c.HighRiskSince ?? c.OpenedAt),
            ComplianceRule.ReviewOverdue => query.OrderBy(c => c.NextReviewDue ?? c.OpenedAt),
            _ => query.OrderBy(c => c.OpenedAt),
        };

        return await ProjectAsync(db, rules, areas, rule, ordered.ThenBy(c => c.Id).Take(cap), cancellationToken);
    }

    /// <summary>
    /// The flags of one page of open cases, in case-id order after <paramref name="afterCaseId"/>: the sweep sums them
    /// into its counts and takes the breaking ones as findings, so one scan serves both.
    /// </summary>
    /// <remarks>
    /// The page's ids are picked in a subquery and only those cases are flagged. Flagging in the same SELECT as the
    /// ORDER BY … LIMIT let SQLite read the open cases from their covering index, work out every rule for every open case
    /// and only then sort and cut the page: the whole force's rules once per page.
    /// </remarks>
    internal static Task<List<CaseFlags>> FlagsPageAsync(
        AsbOpsDbContext db, CaseRulePredicates rules, long afterCaseId, int pageSize, CancellationToken cancellationToken)
    {
        var page = db.Cases.Where(CaseStanding.IsOpen).Where(c => c.Id > afterCaseId).OrderBy(c => c.Id).Take(pageSize).Select(c => c.Id);
        return db.Cases.AsNoTracking()
            .Where(c => page.Contains(c.Id))
            .OrderBy(c => c.Id)
            .Select(CaseFlagsProjection.Build(rules))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The flags of the given cases that are open (the live board reads a changed case again with this).</summary>
    internal static Task<List<CaseFlags>> FlagsOfAsync(
        AsbOpsDbContext db, CaseRulePredicates rules, IReadOnlyCollection<long> caseIds, CancellationToken cancellationToken) =>
        caseIds.Count == 0
            ? Task.FromResult(new List<CaseFlags>())
            : db.Cases.AsNoTracking()
                .Where(CaseStanding.IsOpen)
                .Where(c => caseIds.Contains(c.Id))
                .Select(CaseFlagsProjection.Build(rules))
                .ToListAsync(cancellationToken);

    /// <summary>What the findings of the given cases say, one row per case, by id.</summary>
    internal static async Task<Dictionary<long, CaseFindingDetail>> DetailsAsync(
        AsbOpsDbContext db, IReadOnlyCollection<long> caseIds, CancellationToken cancellationToken) =>
        (await CaseFindingDetails.ReadAsync(db, db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)), cancellationToken))
            .ToDictionary(d => d.Id);

    private static IQueryable<Domain.Cases.AsbCase> Breaking(AsbOpsDbContext db, CaseRulePredicates rules, ComplianceRule rule, int? areaId) =>
        db.Cases.AsNoTracking()
            .Where(CaseStanding.IsOpen)
            .Where(c => areaId == null || c.AreaId == areaId)
            .Where(rules.For(rule));

    private static async Task<List<ComplianceFindingRow>> ProjectAsync(
        AsbOpsDbContext db, CaseRulePredicates rules, AreaLookup areas, ComplianceRule rule, IQueryable<Domain.Cases.AsbCase> page,
        CancellationToken cancellationToken) =>
        (await CaseFindingDetails.ReadAsync(db, page, cancellationToken)).Select(r => CaseFindingDetails.ToFinding(rule, r, rules, areas)).ToList();

    public async Task<ForceFigure> ForceFigureAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ForceFigureAsync(db, from, to, cancellationToken);
    }

    /// <summary>The force's figure read on <paramref name="db"/> (the weekly workbook reads it beside its snapshot).</summary>
    internal static async Task<ForceFigure> ForceFigureAsync(AsbOpsDbContext db, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        // The reading standing when the period starts, then every reading taken within it.
        var standing = await db.ComplianceSnapshots.AsNoTracking().Where(s => s.TakenAt <= from).OrderByDescending(s => s.TakenAt)
            .Select(s => new MissingReading(s.TakenAt, s.MissingAssessments)).Take(1).ToListAsync(cancellationToken);
        var within = await db.ComplianceSnapshots.AsNoTracking().Where(s => s.TakenAt > from && s.TakenAt < to).OrderBy(s => s.TakenAt)
            .Select(s => new MissingReading(s.TakenAt, s.MissingAssessments)).ToListAsync(cancellationToken);
        List<MissingReading> readings = [.. standing, .. within];
        DateTime? coveredFrom = readings.Count == 0 ? null : readings[0].At > from ? readings[0].At : from;
        return new ForceFigure(from, to, MissingAssessmentAverage.Over(readings, from, to), MissingAssessmentAverage.Weekly(readings, from, to), coveredFrom);
    }

    public async Task<FindingMovement> SinceLastCheckAsync(int? areaId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lastCheck = await db.ComplianceSnapshots.AsNoTracking().Where(s => s.IsWeekly && s.TakenAt <= now)
            .MaxAsync(s => (DateTime?)s.TakenAt, cancellationToken);
        return await FindingMovementReader.ReadAsync(db, areaId, now, lastCheck, withItems: false, cancellationToken);
    }

    public async Task<IReadOnlyList<SnapshotPoint>> WeeklyHistoryAsync(int? areaId, int weeks = 12, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshots = db.ComplianceSnapshots.AsNoTracking().Where(s => s.IsWeekly).OrderByDescending(s => s.TakenAt).Take(weeks);
        List<SnapshotPoint> points;
        if (areaId is null)
        {
            points = await snapshots
                .Select(s => new SnapshotPoint(s.TakenAt, s.MissingAssessments, s.UnknownAnswers, s.OverdueReviews, s.HighRiskCases, s.OpenCases))
                .ToListAsync(cancellationToken);
        }
        else
        {
            points = await snapshots.Select(s => new SnapshotPoint(
                    s.TakenAt,
                    null,
                    s.Counts.Where(c => c.AreaId == areaId && c.Rule == ComplianceRule.UnknownAnswer).Sum(c => (int?)c.Count) ?? 0,
                    s.Counts.Where(c => c.AreaId == areaId && c.Rule == ComplianceRule.ReviewOverdue).Sum(c => (int?)c.Count) ?? 0,
                    null,
                    null))
                .ToListAsync(cancellationToken);
        }

        points.Reverse();
        return points;
    }

    private static AreaComplianceCounts Empty(int? id, string code, string name) =>
        new(id, code, name, 0, 0, 0, 0, 0, ComplianceRuleText.All.ToDictionary(r => r, _ => 0));

    private static AreaComplianceCounts Sum(IReadOnlyList<AreaComplianceCounts> areas, AreaLookup.Entry? only)
    {
        var byRule = ComplianceRuleText.All.ToDictionary(r => r, r => areas.Sum(a => a[r]));
        return new AreaComplianceCounts(only?.Id, only?.Code ?? "ALL", only?.Name ?? "All areas",
            areas.Sum(a => a.OpenCases), areas.Sum(a => a.HighRiskCases), areas.Sum(a => a.MissingAssessments),
            areas.Sum(a => a.UnknownAnswers), areas.Sum(a => a.OverdueReviews), byRule);
    }
}
