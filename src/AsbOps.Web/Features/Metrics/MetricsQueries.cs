using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Metrics;

/// <summary>
/// Grouped queries over complete assessments (completed within the period) and their answers; the guidance
/// definitions (a few rows) say which questions allow "unknown" and how they read.
/// </summary>
public sealed class MetricsQueries(IDbContextFactory<AsbOpsDbContext> dbFactory, AreaDirectory areas) : IMetricsQueries
{
    public const int LatestOverrides = 20;

    public Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken cancellationToken = default) => areas.AllAsync(cancellationToken);

    public async Task<IReadOnlyList<GuidanceVersionOption>> VersionsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.GuidanceVersions.AsNoTracking().OrderBy(v => v.Number)
            .Select(v => new GuidanceVersionOption(v.Id, v.Number)).ToListAsync(cancellationToken);
    }

    public async Task<GuidanceMetrics> LoadAsync(MetricsFilter filter, CancellationToken cancellationToken = default)
    {
        DateTime? from = filter.From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        DateTime? to = filter.To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var versionId = filter.GuidanceVersionId;
        var areaId = filter.AreaId;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = db.Cases;
        var complete = db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Complete
            && (versionId == null || a.GuidanceVersionId == versionId)
            && (from == null || a.CompletedAt >= from)
            && (to == null || a.CompletedAt < to)
            && (areaId == null || cases.Any(c => c.Id == a.CaseId && c.AreaId == areaId)));

        var levels = await complete.Where(a => a.IsCurrent)
            // Roles are stored as words, so group by the role itself (null for a location), never by its number.
            .GroupBy(a => new { Role = a.Participant != null ? (Domain.Cases.PersonRole?)a.Participant.Role : null, a.Level })
            .Select(g => new { g.Key.Role, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var levelsByRole = levels.GroupBy(l => l.Role).OrderBy(g => g.Key is { } role ? (int)role : int.MaxValue)
            .Select(g => new LevelsByRoleRow(
                g.Key is { } r ? CaseDisplay.Words(r) : "Location",
                g.Where(l => l.Level == RiskLevel.Low).Sum(l => l.Count),
                g.Where(l => l.Level == RiskLevel.Medium).Sum(l => l.Count),
                g.Where(l => l.Level == RiskLevel.High).Sum(l => l.Count)))
            .ToList();

        var answers = await (from answer in db.AssessmentAnswers.AsNoTracking()
                             join a in complete on answer.AssessmentId equals a.Id
                             group answer by new { a.Kind, answer.QuestionKey } into g
                             select new
                             {
                                 g.Key.Kind,
                                 g.Key.QuestionKey,
                                 Answered = g.Count(),
                                 Unknown = g.Count(x => x.Value == QuestionDefinition.Unknown),
                             }).ToListAsync(cancellationToken);

        var definitions = await db.GuidanceVersions.AsNoTracking()
            .Where(v => versionId == null || v.Id == versionId)
            .OrderByDescending(v => v.Number)
            .Select(v => v.Definition)
            .ToListAsync(cancellationToken);
        var unknownShare = definitions
            .SelectMany(d => d.Matrices.SelectMany(m => m.Questions
                .Where(q => q.FindOption(QuestionDefinition.Unknown) is not null)
                .Select(q => (m.Kind, q.Key, q.Text))))
            .DistinctBy(q => (q.Kind, q.Key))
            .OrderBy(q => q.Kind)
            .Select(q =>
            {
                var counted = answers.FirstOrDefault(a => a.Kind == q.Kind && a.QuestionKey == q.Key);
                return new UnknownShareRow(q.Kind, q.Key, q.Text, counted?.Answered ?? 0, counted?.Unknown ?? 0);
            })
            .ToList();

        var overrides = complete.Where(a => a.JudgementLevel != null && a.JudgementLevel != a.ComputedLevel);
        var up = await overrides.CountAsync(a => a.JudgementLevel > a.ComputedLevel, cancellationToken);
        var down = await overrides.CountAsync(a => a.JudgementLevel < a.ComputedLevel, cancellationToken);
        var latest = await overrides.OrderByDescending(a => a.CompletedAt).ThenByDescending(a => a.Id).Take(LatestOverrides)
            .Select(a => new OverrideRow(
                cases.Where(c => c.Id == a.CaseId).Select(c => c.Reference).First(),
                a.Kind, a.ComputedLevel, a.JudgementLevel!.Value, a.JudgementRationale, a.JudgementApproval, a.CompletedAt!.Value))
            .ToListAsync(cancellationToken);

        // The headline is kept force-wide in each snapshot; per-area history of it is not stored.
        var history = await db.ComplianceSnapshots.AsNoTracking()
            .Where(s => s.IsWeekly && (from == null || s.TakenAt >= from) && (to == null || s.TakenAt < to))
            .OrderByDescending(s => s.TakenAt).Take(104)
            .Select(s => new SnapshotPoint(s.TakenAt, s.MissingAssessments, s.UnknownAnswers, s.OverdueReviews, s.HighRiskCases, s.OpenCases))
            .ToListAsync(cancellationToken);
        history.Reverse();

        // "from" is a keyword inside query expressions.
        var start = from;
        var end = to;
        var toFirst = await (from c in cases.AsNoTracking()
                             where (areaId == null || c.AreaId == areaId)
                                 && (start == null || c.OpenedAt >= start)
                                 && (end == null || c.OpenedAt < end)
                             select new
                             {
                                 c.OpenedAt,
                                 FirstCompletedAt = db.Assessments
                                     .Where(a => a.CaseId == c.Id && a.Status == AssessmentStatus.Complete
                                         && (versionId == null || a.GuidanceVersionId == versionId))
                                     .Min(a => a.CompletedAt),
                             }).ToListAsync(cancellationToken);
        var hours = toFirst.Where(x => x.FirstCompletedAt is not null)
            .Select(x => (x.FirstCompletedAt!.Value - x.OpenedAt).TotalHours)
            .Order()
            .ToList();
        var timeToFirst = new TimeToFirstAssessment(hours.Count, Percentile(hours, 0.5), Percentile(hours, 0.9),
            toFirst.Count - hours.Count);

        var remindersPerAssessment = await (from r in db.Reminders.AsNoTracking()
                                            join a in db.Assessments.AsNoTracking() on r.AssessmentId equals a.Id
                                            where (versionId == null || a.GuidanceVersionId == versionId)
                                                && (start == null || r.QueuedAt >= start)
                                                && (end == null || r.QueuedAt < end)
                                                && (areaId == null || cases.Any(c => c.Id == a.CaseId && c.AreaId == areaId))
                                            group r by new { r.AssessmentId, Answered = a.UnknownCount == 0 || !a.IsCurrent } into g
                                            select new { g.Key.Answered, Count = g.Count() }).ToListAsync(cancellationToken);
        var reminders = remindersPerAssessment.Count == 0
            ? new RemindersPerAssessment(0, 0, 0, 0)
            : new RemindersPerAssessment(remindersPerAssessment.Count, remindersPerAssessment.Average(x => x.Count),
                remindersPerAssessment.Max(x => x.Count), remindersPerAssessment.Count(x => x.Answered));

        return new GuidanceMetrics(levelsByRole, unknownShare, new OverrideSummary(up, down, latest), history, timeToFirst, reminders);
    }

    /// <summary>
    /// The <paramref name="p"/> quantile of an ascending list by linear interpolation between closest ranks (Excel
    /// PERCENTILE.INC, R type 7): rank = p × (n − 1), and a fractional rank interpolates between its two neighbours.
    /// For 2, 10, 30 the median is 10 and the 90th percentile 10 + 0.8 × (30 − 10) = 26. Null for an empty list.
    /// </summary>
    public static double? Percentile(IReadOnlyList<double> ascending, double p)
    {
        if (ascending.Count == 0)
        {
            return null;
        }

        var rank = p * (ascending.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, ascending.Count - 1);
        return ascending[lower] + (rank - lower) * (ascending[upper] - ascending[lower]);
    }
}
