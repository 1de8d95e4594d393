using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>The sums of <see cref="OpenCaseFlags"/> for one area and risk level, the stored people counts included.</summary>
internal sealed class OpenCaseTallyRow : OpenCaseNumbers
{
    public int Open { get; set; }

    /// <summary>Reads each stored people count of a row, in the order of <see cref="CaseStanding.PeopleCounts"/>.</summary>
    public static IReadOnlyList<Func<OpenCaseTallyRow, int>> People { get; } = CaseStanding.PeopleCounts
        .Select(count => typeof(OpenCaseTallyRow).GetProperty(OpenCaseFlagsProjection.StoredName(count))
            ?? throw new InvalidOperationException($"OpenCaseTallyRow has no sum for {OpenCaseFlagsProjection.StoredName(count)}."))
        .Select(property => (Func<OpenCaseTallyRow, int>)(row => (int)property.GetValue(row)!))
        .ToList();
}

/// <summary>
/// Every number of the dashboard that counts open cases or unscreened incidents, for one scope at one instant: the
/// counters, the case queues' counts and both heatmaps. Read in two grouped queries over the standing stored on
/// the cases (<see cref="CaseRulePredicates.StoredMissingAssessment"/>): the same rules the compliance counts test row by row.
/// </summary>
public sealed class DashboardTally
{
    private readonly IReadOnlyList<OpenCaseTallyRow> _rows;
    private readonly IReadOnlyDictionary<int, int> _awaitingScreening;
    private readonly int _waitingInGrace;
    private readonly IReadOnlyDictionary<int, int> _overdueContacts;
    private readonly IReadOnlyDictionary<int, int> _caseReviewsDue;

    internal DashboardTally(
        DateTime at, AreaLookup areas, IReadOnlyList<OpenCaseTallyRow> rows, IReadOnlyDictionary<int, int> awaitingScreening, int waitingInGrace,
        IReadOnlyDictionary<int, int>? overdueContacts = null, IReadOnlyDictionary<int, int>? caseReviewsDue = null)
    {
        _overdueContacts = overdueContacts ?? new Dictionary<int, int>();
        _caseReviewsDue = caseReviewsDue ?? new Dictionary<int, int>();
        At = at;
        Areas = areas;
        _rows = rows;
        _awaitingScreening = awaitingScreening;
        _waitingInGrace = waitingInGrace;
    }

    public DateTime At { get; }

    /// <summary>The areas of the scope, in code order.</summary>
    public AreaLookup Areas { get; }

    public int AwaitingScreening => _awaitingScreening.Values.Sum();

    /// <summary>The queue "awaiting an assessment": the headline count plus victims still within their grace period.</summary>
    public int AwaitingAssessment => _rows.Sum(r => r.Missing) + _waitingInGrace;

    public int UnknownAnswers => _rows.Sum(r => r.UnknownAnswers);

    public int OverdueReviews => _rows.Sum(r => r.Overdue);

    public int ReviewsDueThisWeek => _rows.Sum(r => r.ReviewDueThisWeek);

    public int HighRiskWithoutPlan => _rows.Sum(r => r.HighRiskWithoutPlan);

    /// <summary>
    /// People on the scope's open cases in a role at a level (the role heatmap's cell): the counts stored on each case,
    /// summed in the same grouped pass as the rest, instead of a second pass over the open cases.
    /// </summary>
    public int People(PersonRole role, RiskLevel level)
    {
        var index = CaseStanding.PeopleCounts.ToList().FindIndex(count => count.Role == role && count.Level == level);
        return index < 0 ? 0 : _rows.Sum(OpenCaseTallyRow.People[index]);
    }

    /// <summary>Open cases of an area at a level (the area heatmap's cell).</summary>
    public int OpenCases(int areaId, RiskLevel level) => _rows.Where(r => r.AreaId == areaId && r.RiskLevel == level).Sum(r => r.Open);

    /// <summary>The counters, every area of the scope keyed by its code (areas with nothing open count zero).</summary>
    public OpsCounters ToCounters()
    {
        var byArea = Areas.All.ToDictionary(a => a.Code, a =>
        {
            var rows = _rows.Where(r => r.AreaId == a.Id).ToList();
            return new AreaCounters(_awaitingScreening.GetValueOrDefault(a.Id), rows.Sum(r => r.Open),
                rows.Where(r => r.RiskLevel == RiskLevel.High).Sum(r => r.Open), rows.Sum(r => r.Missing),
                rows.Sum(r => r.UnknownAnswers), rows.Sum(r => r.Overdue))
            {
                OverdueContacts = _overdueContacts.GetValueOrDefault(a.Id),
                CaseReviewsDue = _caseReviewsDue.GetValueOrDefault(a.Id),
            };
        }, StringComparer.Ordinal);
        return OpsCounters.FromAreas(At, byArea);
    }
}

/// <summary>
/// Reads a <see cref="DashboardTally"/>: one grouped pass over the open cases, one count over the few opened within the
/// victims' grace period, one grouped pass over the unlinked incidents.
/// </summary>
public sealed class OpenCaseTally(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    IOptions<ComplianceOptions> options)
{
    public async Task<DashboardTally> CountAsync(int? areaId, DateTime now, CancellationToken cancellationToken = default)
    {
        // The counts that read other tables than the cases run beside the open cases' grouped pass, on a context of their
        // own (started on the thread pool: Microsoft.Data.Sqlite's "async" commands run synchronously). One after the
        // other they were the dashboard's longest chain of queries (250 ms force-wide at scale 100).
        var others = Task.Run(() => CountOthersAsync(areaId, now, cancellationToken), cancellationToken);
        var cases = CountCasesAsync(areaId, now, cancellationToken);
        await Task.WhenAll(others, cases);
        var (areas, rows, waitingInGrace) = cases.Result;
        var (awaitingScreening, overdueContacts, caseReviewsDue) = others.Result;
        return new DashboardTally(now, areas, rows, awaitingScreening, waitingInGrace, overdueContacts, caseReviewsDue);
    }

    private async Task<(AreaLookup Areas, List<OpenCaseTallyRow> Rows, int WaitingInGrace)> CountCasesAsync(
        int? areaId, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = new CaseRulePredicates(db, options.Value.ToThresholds(), now);
        var areas = await AreaLookup.LoadAsync(db, areaId, cancellationToken);

        var openCases = db.Cases.AsNoTracking().Where(CaseStanding.IsOpen).Where(c => areaId == null || c.AreaId == areaId);
        var rows = await openCases
            .Select(OpenCaseFlagsProjection.Build(rules))
            .GroupBy(f => new { f.AreaId, f.RiskLevel })
            .Select(g => new OpenCaseTallyRow
            {
                AreaId = g.Key.AreaId,
                RiskLevel = g.Key.RiskLevel,
                Open = g.Count(),
                Missing = g.Sum(f => f.Missing),
                UnknownAnswers = g.Sum(f => f.UnknownAnswers),
                Overdue = g.Sum(f => f.Overdue),
                ReviewDueThisWeek = g.Sum(f => f.ReviewDueThisWeek),
                HighRiskWithoutPlan = g.Sum(f => f.HighRiskWithoutPlan),
                VictimsNotAssessed = g.Sum(f => f.VictimsNotAssessed),
                VictimsLow = g.Sum(f => f.VictimsLow),
                VictimsMedium = g.Sum(f => f.VictimsMedium),
                VictimsHigh = g.Sum(f => f.VictimsHigh),
                PerpetratorsNotAssessed = g.Sum(f => f.PerpetratorsNotAssessed),
                PerpetratorsLow = g.Sum(f => f.PerpetratorsLow),
                PerpetratorsMedium = g.Sum(f => f.PerpetratorsMedium),
                PerpetratorsHigh = g.Sum(f => f.PerpetratorsHigh),
                WitnessesNotAssessed = g.Sum(f => f.WitnessesNotAssessed),
                WitnessesLow = g.Sum(f => f.WitnessesLow),
                WitnessesMedium = g.Sum(f => f.WitnessesMedium),
                WitnessesHigh = g.Sum(f => f.WitnessesHigh),
            })
            .ToListAsync(cancellationToken);

        // The queue "awaiting an assessment" counts a victim from the moment the case opens, the headline only after the
        // grace period. The two differ only on cases opened within it: those are counted apart, found by opening date
        // (an index range), instead of testing every open case a second time.
        var graceCutoff = rules.Thresholds.VictimAssessmentCutoff(now);
        var waitingInGrace = await openCases
            .Where(c => c.OpenedAt >= graceCutoff)
            .Where(rules.StoredMissingAssessment(victimOpenedBefore: now))
            .Where(QueryExpressions.Not(rules.StoredMissingAssessment()))
            .CountAsync(cancellationToken);
        return (areas, rows, waitingInGrace);
    }

    private async Task<(Dictionary<int, int> AwaitingScreening, Dictionary<int, int> OverdueContacts, Dictionary<int, int> CaseReviewsDue)> CountOthersAsync(
        int? areaId, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var openCases = db.Cases.AsNoTracking().Where(CaseStanding.IsOpen).Where(c => areaId == null || c.AreaId == areaId);
        var awaitingScreening = await AwaitingScreening(db, areaId)
            .GroupBy(i => i.AreaId)
            .Select(g => new { AreaId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AreaId, g => g.Count, cancellationToken);
        // Victims of open cases overdue for contact: only a case whose stored first contact due date has passed can have
        // one (a range of IX_Cases_OpenByVictimContactDue), then its victims (the participants' case index) and each
        // victim's plan (unique by participant), one grouped count. Without the date: every open case's victims, 1.5 s at scale 100.
        var overdueContacts = await (from c in openCases.Where(c => c.FirstVictimContactDue < now)
                                     join p in db.CaseParticipants.AsNoTracking().Where(ContactSchedule.OverdueVictim(db.VictimContactPlans, now))
                                         on c.Id equals p.CaseId
                                     group p by c.AreaId into g
                                     select new { AreaId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AreaId, g => g.Count, cancellationToken);
        // ASB Case Review applications whose clock is running (overdue included): the stored next due date, indexed by area.
        var caseReviewsDue = await db.CaseReviewApplications.AsNoTracking()
            .Where(a => a.NextStepDueOn != null && (areaId == null || a.AreaId == areaId))
            .GroupBy(a => a.AreaId)
            .Select(g => new { AreaId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AreaId, g => g.Count, cancellationToken);
        return (awaitingScreening, overdueContacts, caseReviewsDue);
    }

    /// <summary>The incidents awaiting screening of the areas named, in one grouped count (areas with none are absent).</summary>
    public async Task<IReadOnlyDictionary<int, int>> AwaitingScreeningAsync(IReadOnlyCollection<int> areaIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = areaIds.Distinct().ToArray();
        return await AwaitingScreening(db, null)
            .Where(i => EF.Parameter(ids).Contains(i.AreaId))
            .GroupBy(i => i.AreaId)
            .Select(g => new { AreaId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AreaId, g => g.Count, cancellationToken);
    }

    /// <summary>
    /// Incidents awaiting VICTOR-E screening: not linked to a case and not screened (<see cref="Domain.Incidents.Incident.ScreenedAt"/>
    /// null: two IS NULL tests SQLite seeks in the index IX_Incidents_AwaitingScreening).
    /// </summary>
    internal static IQueryable<Domain.Incidents.Incident> AwaitingScreening(AsbOpsDbContext db, int? areaId) =>
        db.Incidents.AsNoTracking().Where(i => i.CaseId == null && i.ScreenedAt == null && (areaId == null || i.AreaId == areaId));
}
