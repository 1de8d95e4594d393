using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// The findings of the demo's weekly history, so that its weekly workbooks list cases as a real force's would: for
/// each week, area and rule, as many of the cases open that Monday as the week's count says. Most of a week's findings
/// carry over into the next (keeping the day they were first seen), the rest are put right and new ones appear; the
/// last week leans on the cases that break rules 1–4 today, so the live sweep finds those carried over. The counts and
/// totals are then made to agree with the findings.
/// </summary>
internal static class DemoFindingHistory
{
    /// <summary>The chance that a finding whose case is still open is carried into the next week.</summary>
    private const double CarryOver = 0.7;

    /// <summary>Cases with unknown answers hold a few each, so rule 4's case count is below its answer count.</summary>
    private const double UnknownAnswersPerCase = 2.5;

    public sealed record CaseLife(long Id, int AreaId, DateTime OpenedAt, DateTime? ClosedAt, int BreaksNow);

    /// <summary>The cases (with the rules 1–4 they break today, as bits) that any history week may find.</summary>
    public static async Task<IReadOnlyList<CaseLife>> LoadCasesAsync(IDbContextFactory<AsbOpsDbContext> dbFactory, DateTime since, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AsNoTracking()
            .Where(c => c.ClosedAt == null || c.ClosedAt > since)
            .OrderBy(c => c.Id)
            .Select(c => new CaseLife(c.Id, c.AreaId, c.OpenedAt, c.ClosedAt, c.Status == CaseStatus.Closed ? 0
                : (c.HasUnassessedVictim ? 1 : 0) | (c.LacksVictimAndLocationAssessment ? 2 : 0) | (c.HasUnassessedPerpetrator ? 4 : 0)
                    | (c.UnknownAnswers > 0 ? 8 : 0)))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds findings to each snapshot (oldest first) and makes its counts and totals agree with them.</summary>
    public static void Attach(
        IReadOnlyList<ComplianceSnapshot> snapshots, IReadOnlyList<CaseLife> cases, Random rng, IReadOnlySet<(long CaseId, ComplianceRule Rule)>? breakingNow = null)
    {
        var carried = new Dictionary<(int Area, ComplianceRule Rule), List<ComplianceFinding>>();
        for (var week = 0; week < snapshots.Count; week++)
        {
            var snapshot = snapshots[week];
            var last = week == snapshots.Count - 1;
            var openByArea = cases.Where(c => c.OpenedAt < snapshot.TakenAt && (c.ClosedAt is null || c.ClosedAt > snapshot.TakenAt))
                .GroupBy(c => c.AreaId).ToDictionary(g => g.Key, g => g.ToList());
            var next = new Dictionary<(int Area, ComplianceRule Rule), List<ComplianceFinding>>();
            foreach (var count in snapshot.Counts.OrderBy(c => c.AreaId).ThenBy(c => c.Rule))
            {
                var open = openByArea.GetValueOrDefault(count.AreaId) ?? [];
                var openIds = open.Select(c => c.Id).ToHashSet();
                var wanted = count.Rule == ComplianceRule.UnknownAnswer ? (int)Math.Ceiling(count.Count / UnknownAnswersPerCase) : count.Count;
                var key = (count.AreaId, count.Rule);
                var lastWeek = carried.GetValueOrDefault(key) ?? [];
                List<ComplianceFinding> chosen;
                if (last && breakingNow is not null)
                {
                    chosen = NewestWeek(open, lastWeek, count.Rule, snapshot.TakenAt, breakingNow, rng);
                }
                else
                {
                    chosen = lastWeek
                        .Where(f => openIds.Contains(f.CaseId) && rng.NextDouble() < CarryOver)
                        .Take(wanted)
                        .Select(f => Finding(f.CaseId, f.AreaId, f.Rule, f.Since))
                        .ToList();
                    // A finding put right this week does not come back as new in the same week.
                    var taken = lastWeek.Select(f => f.CaseId).ToHashSet();
                    var fresh = open.Where(c => !taken.Contains(c.Id))
                        .Select(c => (Case: c, Order: rng.Next()))
                        .OrderByDescending(x => breakingNow is not null && week >= snapshots.Count - LeaningWeeks
                            ? breakingNow.Contains((x.Case.Id, count.Rule))
                            : last && BreaksNow(x.Case, count.Rule))
                        .ThenBy(x => x.Order)
                        .Take(wanted - chosen.Count)
                        .Select(x => x.Case);
                    foreach (var c in fresh)
                    {
                        var since = snapshot.TakenAt.AddDays(-rng.Next(1, 7));
                        chosen.Add(Finding(c.Id, c.AreaId, count.Rule, since < c.OpenedAt ? c.OpenedAt : since));
                    }
                }

                // Rule 4 counts answers (a few per case); the others count cases.
                count.Count = count.Rule == ComplianceRule.UnknownAnswer
                    ? Math.Clamp(count.Count, chosen.Count, chosen.Count * 4)
                    : chosen.Count;
                next[key] = chosen;
                snapshot.Findings.AddRange(chosen);
            }

            snapshot.MissingAssessments = snapshot.Findings.Where(f => f.Rule <= ComplianceRule.PerpetratorWithoutAssessment)
                .Select(f => f.CaseId).Distinct().Count();
            foreach (var area in openByArea)
            {
                snapshot.AreaTotals.Add(new ComplianceAreaTotals
                {
                    AreaId = area.Key,
                    OpenCases = area.Value.Count,
                    MissingAssessments = snapshot.Findings
                        .Where(f => f.AreaId == area.Key && f.Rule <= ComplianceRule.PerpetratorWithoutAssessment).Select(f => f.CaseId).Distinct().Count(),
                    UnknownAnswers = snapshot.Counts.Where(c => c.AreaId == area.Key && c.Rule == ComplianceRule.UnknownAnswer).Sum(c => c.Count),
                    OverdueReviews = snapshot.Counts.Where(c => c.AreaId == area.Key && c.Rule == ComplianceRule.ReviewOverdue).Sum(c => c.Count),
                });
            }

            snapshot.UnknownAnswers = snapshot.Counts.Where(c => c.Rule == ComplianceRule.UnknownAnswer).Sum(c => c.Count);
            snapshot.OverdueReviews = snapshot.Counts.Where(c => c.Rule == ComplianceRule.ReviewOverdue).Sum(c => c.Count);
            carried = next;
        }
    }

    /// <summary>The last weeks whose new findings lean on the cases breaking the rule now, so they lead into the newest.</summary>
    private const int LeaningWeeks = 4;

    /// <summary>Of the newest week's findings, the share the live sweep no longer finds (put right since).</summary>
    private const double PutRightSince = 0.08;

    /// <summary>Of what the live sweep finds, the share the newest week did not (new since).</summary>
    private const double NewSince = 0.08;

    /// <summary>
    /// The newest week of one area and rule: most of the open cases that break the rule now (carried from the week
    /// before where it had them, keeping the day first seen), less a few that are new since, plus a few that do not break
    /// it now (put right since), so that the first live sweep shows a plausible week rather than a different force.
    /// </summary>
    private static List<ComplianceFinding> NewestWeek(
        IReadOnlyList<CaseLife> open, IReadOnlyList<ComplianceFinding> lastWeek, ComplianceRule rule, DateTime takenAt,
        IReadOnlySet<(long CaseId, ComplianceRule Rule)> breakingNow, Random rng)
    {
        var before = lastWeek.ToDictionary(f => f.CaseId);
        var breaking = open.Where(c => breakingNow.Contains((c.Id, rule))).OrderBy(_ => rng.Next()).ToList();
        var newSince = (int)Math.Round(breaking.Count * NewSince);
        var kept = breaking.OrderByDescending(c => before.ContainsKey(c.Id)).Take(breaking.Count - newSince);
        var putRight = open.Where(c => !breakingNow.Contains((c.Id, rule)))
            .OrderByDescending(c => before.ContainsKey(c.Id)).ThenBy(_ => rng.Next())
            .Take((int)Math.Round(breaking.Count * PutRightSince));
        return kept.Concat(putRight).Select(c => before.TryGetValue(c.Id, out var f)
                ? Finding(c.Id, c.AreaId, rule, f.Since)
                : Finding(c.Id, c.AreaId, rule, Max(takenAt.AddDays(-rng.Next(1, 7)), c.OpenedAt)))
            .ToList();
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static bool BreaksNow(CaseLife c, ComplianceRule rule) =>
        rule <= ComplianceRule.UnknownAnswer && (c.BreaksNow & (1 << ((int)rule - 1))) != 0;

    private static ComplianceFinding Finding(long caseId, int areaId, ComplianceRule rule, DateTime since) => new()
    {
        CaseId = caseId,
        AreaId = areaId,
        Rule = rule,
        Detail = ComplianceRuleText.Missing(rule),
        Since = since,
    };
}
