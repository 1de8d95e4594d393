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
    IOptions<ComplianceOptions> options) : IComplianceQueries
{
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
        var now = rules.Now;
        var rows = await db.Cases.AsNoTracking()
            .Where(CaseRulePredicates.IsOpen)
            .Where(c => areaId == null || c.AreaId == areaId)
            .Select(CaseFlagsProjection.Build(rules))
            .GroupBy(f => f.AreaId)
            .Select(g => new
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

        var perArea = areas.All.Select(area =>
        {
            if (!rows.TryGetValue(area.Id, out var r))
            {
                return Empty(area.Id, area.Code, area.Name);
            }

            return new AreaComplianceCounts(area.Id, area.Code, area.Name, r.Open, r.High, r.Missing, r.Unknown, r.Rule7,
                new Dictionary<ComplianceRule, int>
                {
                    [ComplianceRule.VictimWithoutAssessment] = r.Rule1,
                    [ComplianceRule.NoVictimNoLocationAssessment] = r.Rule2,
                    [ComplianceRule.PerpetratorWithoutAssessment] = r.Rule3,
                    [ComplianceRule.UnknownAnswer] = r.Unknown,
                    [ComplianceRule.SafeguardingWithoutReferral] = r.Rule5,
                    [ComplianceRule.HighRiskWithoutPlanOrMarker] = r.Rule6,
                    [ComplianceRule.ReviewOverdue] = r.Rule7,
                });
        }).ToList();

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
    /// One page, in case-id order after <paramref name="afterCaseId"/>, of the open cases that break any rule, with the
    /// rules each breaks: one scan evaluates every rule, instead of one scan per rule.
    /// </summary>
    internal static async Task<List<(long CaseId, IReadOnlyList<ComplianceRule> Rules)>> BreakingPageAsync(
        AsbOpsDbContext db, CaseRulePredicates rules, long afterCaseId, int pageSize, CancellationToken cancellationToken)
    {
        var flags = await db.Cases.AsNoTracking()
            .Where(CaseRulePredicates.IsOpen)
            .Where(c => c.Id > afterCaseId)
            .OrderBy(c => c.Id)
            .Select(CaseFlagsProjection.Build(rules))
            .Where(f => f.Rule1 + f.Rule2 + f.Rule3 + f.Rule4Cases + f.Rule5 + f.Rule6 + f.Rule7 > 0)
            .Take(pageSize)
            .Select(f => new { f.CaseId, f.Rule1, f.Rule2, f.Rule3, f.Rule4Cases, f.Rule5, f.Rule6, f.Rule7 })
            .ToListAsync(cancellationToken);
        return flags.Select(f => (f.CaseId, (IReadOnlyList<ComplianceRule>)new[]
            {
                (f.Rule1, ComplianceRule.VictimWithoutAssessment), (f.Rule2, ComplianceRule.NoVictimNoLocationAssessment),
                (f.Rule3, ComplianceRule.PerpetratorWithoutAssessment), (f.Rule4Cases, ComplianceRule.UnknownAnswer),
                (f.Rule5, ComplianceRule.SafeguardingWithoutReferral), (f.Rule6, ComplianceRule.HighRiskWithoutPlanOrMarker),
                (f.Rule7, ComplianceRule.ReviewOverdue),
            }.Where(x => x.Item1 == 1).Select(x => x.Item2).ToList())).ToList();
    }

    /// <summary>The findings of <paramref name="rule"/> for cases already known to break it.</summary>
    internal static Task<List<ComplianceFindingRow>> FindingsForCasesAsync(
        AsbOpsDbContext db, CaseRulePredicates rules, AreaLookup areas, ComplianceRule rule, IReadOnlyCollection<long> caseIds,
        CancellationToken cancellationToken) =>
        ProjectAsync(db, rules, areas, rule, db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).OrderBy(c => c.Id), cancellationToken);

    private static IQueryable<Domain.Cases.AsbCase> Breaking(AsbOpsDbContext db, CaseRulePredicates rules, ComplianceRule rule, int? areaId) =>
        db.Cases.AsNoTracking()
            .Where(CaseRulePredicates.IsOpen)
            .Where(c => areaId == null || c.AreaId == areaId)
            .Where(rules.For(rule));

    private static async Task<List<ComplianceFindingRow>> ProjectAsync(
        AsbOpsDbContext db, CaseRulePredicates rules, AreaLookup areas, ComplianceRule rule, IQueryable<Domain.Cases.AsbCase> page,
        CancellationToken cancellationToken)
    {
        var now = rules.Now;
        var plans = db.ActionPlans;
        var markers = db.Markers;
        var rows = await page.Select(c => new
        {
            c.Id,
            c.Reference,
            c.AreaId,
            LeadOfficer = db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
            c.OpenedAt,
            c.HighRiskSince,
            c.NextReviewDue,
            c.LastReviewedAt,
            c.RiskLevel,
            VictimsMissing = c.Participants.Count(p => p.Role == Domain.Cases.PersonRole.Victim
                && !c.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete)),
            PerpetratorsMissing = c.Participants.Count(p => p.Role == Domain.Cases.PersonRole.Perpetrator
                && !c.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete)),
            Unknown = c.Assessments.Where(a => a.IsCurrent).Sum(a => a.UnknownCount),
            OldestUnknown = c.Assessments.Where(a => a.IsCurrent && a.UnknownCount > 0).Min(a => (DateTime?)a.CreatedAt),
            SafeguardingSince = c.Assessments.Where(a => a.IsCurrent && a.SafeguardingConcern).Min(a => (DateTime?)(a.CompletedAt ?? a.CreatedAt)),
            HasPlan = plans.Any(p => p.CaseId == c.Id),
            HasMarker = markers.Any(m => m.CaseId == c.Id && m.EndedAt == null),
        }).ToListAsync(cancellationToken);

        return rows.Select(r =>
        {
            (DateTime since, string missing) = rule switch
            {
                ComplianceRule.VictimWithoutAssessment => (r.OpenedAt, ComplianceRuleText.Missing(rule, r.VictimsMissing)),
                ComplianceRule.PerpetratorWithoutAssessment => (r.OpenedAt, ComplianceRuleText.Missing(rule, r.PerpetratorsMissing)),
                ComplianceRule.UnknownAnswer => (r.OldestUnknown ?? r.OpenedAt, ComplianceRuleText.Missing(rule, r.Unknown)),
                ComplianceRule.SafeguardingWithoutReferral => (r.SafeguardingSince ?? r.OpenedAt, ComplianceRuleText.Missing(rule)),
                ComplianceRule.HighRiskWithoutPlanOrMarker => (r.HighRiskSince ?? r.OpenedAt,
                    ComplianceRuleText.Missing(rule, noActionPlan: !r.HasPlan, noMarker: !r.HasMarker)),
                ComplianceRule.ReviewOverdue => (rules.ReviewDueAt(r.NextReviewDue, r.LastReviewedAt, r.OpenedAt, r.RiskLevel),
                    ComplianceRuleText.Missing(rule)),
                _ => (r.OpenedAt, ComplianceRuleText.Missing(rule)),
            };
            return new ComplianceFindingRow(rule, r.Id, r.Reference, areas.CodeOf(r.AreaId), r.LeadOfficer, since,
                Math.Max(0, (int)(now - since).TotalDays), missing) { AreaId = r.AreaId };
        }).ToList();
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
