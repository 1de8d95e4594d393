using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Email;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Compliance.Workbook;

/// <summary>
/// Reads a week's compliance snapshot for the workbook: its counts and findings, last week's counts and the
/// headline history. The unknown-answer and high-risk sheets describe those cases as they are when the workbook is
/// built (the snapshot keeps counts and findings, not every answer).
/// </summary>
public sealed class WeeklyWorkbookQueries(
    IDbContextFactory<AsbOpsDbContext> dbFactory, IOptions<AppOptions> app, IOptions<ComplianceOptions> options, TimeProvider clock)
{
    public const int HeadlineWeeks = 12;

    /// <summary>How far back a finding's weekly checks are followed to say how long it has been carried over.</summary>
    public const int CarriedWeeksFollowed = 52;

    /// <summary>The weeks a workbook can be built for, newest first: every week holding a snapshot.</summary>
    public async Task<IReadOnlyList<ComplianceWeek>> WeeksAsync(int max = 104, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var weekly = await db.ComplianceSnapshots.AsNoTracking().Where(s => s.IsWeekly)
            .OrderByDescending(s => s.TakenAt).Take(max).Select(s => s.TakenAt).ToListAsync(cancellationToken);
        var latest = await db.ComplianceSnapshots.AsNoTracking().OrderByDescending(s => s.TakenAt)
            .Select(s => (DateTime?)s.TakenAt).FirstOrDefaultAsync(cancellationToken);
        return weekly.Concat(latest is { } l ? [l] : [])
            .Select(ComplianceWeek.Of).Distinct()
            .OrderByDescending(w => w.Year).ThenByDescending(w => w.Week)
            .ToList();
    }

    /// <summary>The workbook's data for <paramref name="week"/>, or null when no snapshot was taken that week.</summary>
    public async Task<WeeklyWorkbookData?> LoadAsync(ComplianceWeek week, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await FindSnapshotAsync(db, week, cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var areas = await db.Areas.AsNoTracking().OrderBy(a => a.Code).Select(a => new { a.Id, a.Code }).ToListAsync(cancellationToken);
        var codes = areas.ToDictionary(a => a.Id, a => a.Code);
        var thisWeek = await CountsAsync(db, snapshot, codes, cancellationToken);

        // The last weekly check before this snapshot (this week's Monday check for a sweep later in the week): what the
        // snapshot is compared with, and what is new, carried over or put right against.
        var earlierChecks = await db.ComplianceSnapshots.AsNoTracking()
            .Where(s => s.IsWeekly && s.TakenAt < snapshot.TakenAt)
            .OrderByDescending(s => s.TakenAt).Take(CarriedWeeksFollowed).Select(s => s.Id)
            .ToListAsync(cancellationToken);
        var previous = earlierChecks.Count == 0 ? null
            : await db.ComplianceSnapshots.AsNoTracking().SingleAsync(s => s.Id == earlierChecks[0], cancellationToken);
        var lastWeek = previous is null ? null : await CountsAsync(db, previous, codes, cancellationToken);
        var (findings, movement, since) = await FindingsAsync(db, snapshot, codes, cancellationToken);

        var headline = (await db.ComplianceSnapshots.AsNoTracking()
                .Where(s => s.IsWeekly && s.TakenAt <= snapshot.TakenAt)
                .OrderByDescending(s => s.TakenAt).Take(HeadlineWeeks)
                .Select(s => new { s.TakenAt, s.MissingAssessments, s.OpenCases })
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.TakenAt)
            .Select(s => new HeadlinePoint(ComplianceWeek.Of(s.TakenAt).Key, s.TakenAt, s.MissingAssessments, s.OpenCases))
            .ToList();

        return new WeeklyWorkbookData(
            week, snapshot.TakenAt, areas.Select(a => a.Code).ToList(), thisWeek, lastWeek, headline,
            findings,
            movement,
            await UnknownAnswersAsync(db, snapshot, codes, cancellationToken),
            await HighRiskAsync(db, snapshot, codes, cancellationToken),
            await ComplianceQueries.ForceFigureAsync(db, snapshot.TakenAt.AddDays(-7 * HeadlineWeeks), snapshot.TakenAt, cancellationToken),
            since);
    }

    /// <summary>
    /// The snapshot a week's workbook is built from. For the current week the newest one that still holds its findings
    /// (the latest sweep, or the weekly check when it is newer), so that the workbook lists what the compliance page
    /// lists; for an earlier week its weekly check, the week's record (a sweep's findings are pruned after
    /// <see cref="ComplianceOptions.SweepFindingsRetentionDays"/>), or its latest sweep when no check was taken.
    /// </summary>
    private async Task<ComplianceSnapshot?> FindSnapshotAsync(AsbOpsDbContext db, ComplianceWeek week, CancellationToken cancellationToken)
    {
        var (from, to) = (week.StartUtc, week.EndUtc);
        var now = clock.GetUtcNow().UtcDateTime;
        var inWeek = db.ComplianceSnapshots.AsNoTracking().Where(s => s.IsoWeek == week.Key || (s.TakenAt >= from && s.TakenAt < to));
        if (week == ComplianceWeek.Of(now))
        {
            var held = now.AddDays(-options.Value.SweepFindingsRetentionDays);
            return await inWeek.Where(s => s.IsWeekly || s.TakenAt >= held).OrderByDescending(s => s.TakenAt).FirstOrDefaultAsync(cancellationToken)
                ?? await inWeek.OrderByDescending(s => s.TakenAt).FirstOrDefaultAsync(cancellationToken);
        }

        return await inWeek.OrderByDescending(s => s.IsWeekly).ThenByDescending(s => s.TakenAt).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<WorkbookSnapshot> CountsAsync(
        AsbOpsDbContext db, ComplianceSnapshot snapshot, IReadOnlyDictionary<int, string> codes, CancellationToken cancellationToken)
    {
        var counts = await db.ComplianceSnapshotCounts.AsNoTracking().Where(c => c.SnapshotId == snapshot.Id)
            .Select(c => new { c.AreaId, c.Rule, c.Count }).ToListAsync(cancellationToken);
        var totals = await db.ComplianceAreaTotals.AsNoTracking().Where(t => t.SnapshotId == snapshot.Id)
            .Select(t => new { t.AreaId, t.MissingAssessments }).ToListAsync(cancellationToken);
        var byRule = counts.GroupBy(c => c.Rule).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));

        // Rule 4 is kept as the number of unknown answers; the snapshot's total says the same.
        byRule[ComplianceRule.UnknownAnswer] = snapshot.UnknownAnswers;
        return new WorkbookSnapshot(
            snapshot.TakenAt, snapshot.OpenCases, snapshot.HighRiskCases, snapshot.MissingAssessments, byRule,
            counts.GroupBy(c => (codes.GetValueOrDefault(c.AreaId, "?"), c.Rule)).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            totals.ToDictionary(t => codes.GetValueOrDefault(t.AreaId, "?"), t => t.MissingAssessments));
    }

    private async Task<(WorkbookFindings, IReadOnlyDictionary<ComplianceRule, RuleMovement>, FindingMovement)> FindingsAsync(
        AsbOpsDbContext db, ComplianceSnapshot snapshot, IReadOnlyDictionary<int, string> codes, CancellationToken cancellationToken)
    {
        var takenAt = snapshot.TakenAt;
        var checks = await db.ComplianceSnapshots.AsNoTracking().Where(s => s.IsWeekly && s.TakenAt < takenAt)
            .OrderByDescending(s => s.TakenAt).Take(CarriedWeeksFollowed).Select(s => s.TakenAt).ToListAsync(cancellationToken);

        // The rule sheets' rows are read as they are written, not here.
        var findings = new SnapshotWorkbookFindings(dbFactory, snapshot.Id, takenAt, checks, codes, app.Value.CaseLink);

        var since = await FindingMovementReader.ReadAsync(db, null, takenAt, checks.Count == 0 ? null : checks[0], withItems: true, cancellationToken);
        since = since with { Items = since.Items.Select(i => i with { Link = app.Value.CaseLink(i.CaseRef) }).ToList() };
        var movement = since.ByRule.ToDictionary(p => p.Key, p => new RuleMovement(p.Value.New, p.Value.Carried, p.Value.PutRight));
        return (findings, movement, since);
    }

    private async Task<IReadOnlyList<WorkbookUnknownAnswer>> UnknownAnswersAsync(
        AsbOpsDbContext db, ComplianceSnapshot snapshot, IReadOnlyDictionary<int, string> codes, CancellationToken cancellationToken)
    {
        var caseIds = db.ComplianceFindings.Where(f => f.SnapshotId == snapshot.Id && f.Rule == ComplianceRule.UnknownAnswer).Select(f => f.CaseId);
        var rows = await (
                from answer in db.AssessmentAnswers.AsNoTracking()
                where answer.Value == QuestionDefinition.Unknown
                join a in db.Assessments on answer.AssessmentId equals a.Id
                where a.IsCurrent && a.UnknownCount > 0 && caseIds.Contains(a.CaseId)
                join c in db.Cases on a.CaseId equals c.Id
                where c.Status != CaseStatus.Closed
                orderby c.Reference, a.Id, answer.Id
                select new
                {
                    c.Reference,
                    c.AreaId,
                    Person = a.Participant == null ? "Location" : a.Participant.Person!.FirstName + " " + a.Participant.Person.LastName,
                    a.Kind,
                    a.GuidanceVersionId,
                    answer.QuestionKey,
                    a.CreatedAt,
                    Reminders = db.Reminders.Count(r => r.AssessmentId == a.Id
                        && db.Outbox.Any(m => m.Id == r.OutboxMessageId && m.Status == OutboxStatus.Sent)),
                })
            .ToListAsync(cancellationToken);
        var versions = rows.Select(r => r.GuidanceVersionId).Distinct().ToList();
        var guidance = await db.GuidanceVersions.AsNoTracking().Where(g => versions.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.Definition, cancellationToken);
        return rows.Select(r => new WorkbookUnknownAnswer(
                r.Reference, codes.GetValueOrDefault(r.AreaId, "?"), r.Person,
                guidance.TryGetValue(r.GuidanceVersionId, out var d) ? d.Matrix(r.Kind).FindQuestion(r.QuestionKey)?.Text ?? r.QuestionKey : r.QuestionKey,
                AgeDays(snapshot.TakenAt, r.CreatedAt), r.Reminders, app.Value.CaseLink(r.Reference)))
            .ToList();
    }

    private async Task<IReadOnlyList<WorkbookHighRiskCase>> HighRiskAsync(
        AsbOpsDbContext db, ComplianceSnapshot snapshot, IReadOnlyDictionary<int, string> codes, CancellationToken cancellationToken)
    {
        var takenAt = snapshot.TakenAt;
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Closed && c.RiskLevel == RiskLevel.High && (c.HighRiskSince ?? c.OpenedAt) <= takenAt)
            .OrderBy(c => c.HighRiskSince ?? c.OpenedAt).ThenBy(c => c.Reference)
            .Select(c => new
            {
                c.Reference,
                c.AreaId,
                Since = c.HighRiskSince ?? c.OpenedAt,
                Marker = db.Markers.Any(m => m.CaseId == c.Id && m.EndedAt == null),
                Plan = db.ActionPlans.Any(p => p.CaseId == c.Id),
                Agencies = db.Referrals.Where(r => r.CaseId == c.Id).Select(r => r.Agency).ToList(),
                c.NextReviewDue,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new WorkbookHighRiskCase(
                r.Reference, codes.GetValueOrDefault(r.AreaId, "?"), r.Since, r.Marker, r.Plan, r.Agencies.Count,
                string.Join(", ", r.Agencies.Distinct().Select(CaseDisplay.AgencyName)), r.NextReviewDue, app.Value.CaseLink(r.Reference)))
            .ToList();
    }

    private static int AgeDays(DateTime at, DateTime since) => Math.Max(0, (int)(at - since).TotalDays);
}
