using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Metrics;

/// <summary>
/// The metrics trends for a filter (area, guidance version, period, weekly or monthly). Each query is projected and
/// grouped as far as both databases allow (answers by day, question and option), then counted into the trend's steps;
/// no personal value and no case reference is read. Without dates the period is the twelve months up to today.
/// </summary>
public sealed class MetricsTrendQueries(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock) : IMetricsTrendQueries
{
    public async Task<MetricsTrends> LoadAsync(MetricsFilter filter, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var to = filter.To ?? DateOnly.FromDateTime(now);
        var from = filter.From ?? to.AddYears(-1).AddDays(1);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var versionId = filter.GuidanceVersionId;
        var areaId = filter.AreaId;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = await db.GuidanceVersions.AsNoTracking().OrderBy(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.PublishedAt, v.Definition }).ToListAsync(cancellationToken);
        var periods = TrendCalendar.Cut(from, to, filter.Grain)
            .Select(p => new TrendPeriod(p.Start, p.End, p.Label, versions
                .Where(v => DateOnly.FromDateTime(v.PublishedAt) >= p.Start && DateOnly.FromDateTime(v.PublishedAt) < p.End)
                .Select(v => v.Number).ToList()))
            .ToList();
        int Index(DateTime at) => TrendCalendar.IndexOf(periods, at);
        int[] Zeros() => new int[periods.Count];

        var cases = db.Cases.AsNoTracking();
        var complete = db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Complete
            && a.CompletedAt >= start && a.CompletedAt < end
            && (versionId == null || a.GuidanceVersionId == versionId)
            && (areaId == null || cases.Any(c => c.Id == a.CaseId && c.AreaId == areaId)));

        var assessed = await complete.Select(a => new
        {
            CompletedAt = a.CompletedAt!.Value,
            Role = a.Participant != null ? (PersonRole?)a.Participant.Role : null,
            a.Level,
            a.ComputedLevel,
            a.JudgementLevel,
            a.JudgementApproval,
        }).ToListAsync(cancellationToken);

        var levels = assessed.GroupBy(a => a.Role).OrderBy(g => g.Key is { } role ? (int)role : int.MaxValue)
            .Select(g =>
            {
                var (low, medium, high) = (Zeros(), Zeros(), Zeros());
                foreach (var a in g)
                {
                    var i = Index(a.CompletedAt);
                    var counts = a.Level switch { RiskLevel.High => high, RiskLevel.Medium => medium, _ => low };
                    counts[i]++;
                }

                return new LevelsTrend(g.Key is { } r ? CaseDisplay.Words(r) : "Location", low, medium, high);
            })
            .ToList();

        var overrides = periods.Select(_ => new int[6]).ToList();
        foreach (var a in assessed.Where(a => a.JudgementLevel is { } j && j != RiskLevel.NotAssessed && j != a.ComputedLevel))
        {
            var o = overrides[Index(a.CompletedAt)];
            if (a.JudgementLevel > a.ComputedLevel)
            {
                o[0]++;
                continue;
            }

            o[1]++;
            o[a.JudgementApproval switch
            {
                OverrideApproval.Approved => 2,
                OverrideApproval.Rejected => 3,
                OverrideApproval.Pending => 4,
                _ => 5,
            }]++;
        }

        // Grouped by day in the database: a year at scale is a few tens of thousands of rows, never every answer.
        var answerDays = await (from answer in db.AssessmentAnswers.AsNoTracking()
                                join a in complete on answer.AssessmentId equals a.Id
                                group answer by new { a.Kind, answer.QuestionKey, answer.Value, Day = a.CompletedAt!.Value.Date } into g
                                select new { g.Key.Kind, g.Key.QuestionKey, g.Key.Value, g.Key.Day, Count = g.Count() })
            .ToListAsync(cancellationToken);

        // Questions as the newest version in the selection words them; options as that version offers them.
        var definitions = versions.Where(v => versionId == null || v.Id == versionId)
            .OrderByDescending(v => v.Number).Select(v => v.Definition).ToList();
        var questions = definitions.SelectMany(d => d.Matrices.SelectMany(m => m.Questions.Select(q => (m.Kind, Question: q))))
            .DistinctBy(q => (q.Kind, q.Question.Key))
            .ToList();
        var answers = new List<AnswerTrend>();
        var unknowns = new List<UnknownTrend>();
        foreach (var kind in Enum.GetValues<AssessmentKind>())
        {
            foreach (var (_, question) in questions.Where(q => q.Kind == kind))
            {
                var rows = answerDays.Where(r => r.Kind == kind && r.QuestionKey == question.Key).ToList();
                var options = question.Options.Select(o => (o.Value, o.Label))
                    .Concat(rows.Select(r => r.Value).Distinct().Where(v => question.FindOption(v) is null).Order(StringComparer.Ordinal).Select(v => (Value: v, Label: v)))
                    .ToList();
                foreach (var (value, label) in options)
                {
                    var counts = Zeros();
                    foreach (var r in rows.Where(r => r.Value == value))
                    {
                        counts[Index(r.Day)] += r.Count;
                    }

                    answers.Add(new AnswerTrend(kind, question.Key, value, label, counts));
                }

                if (question.FindOption(QuestionDefinition.Unknown) is not null)
                {
                    var answered = Zeros();
                    var unknown = Zeros();
                    foreach (var r in rows)
                    {
                        answered[Index(r.Day)] += r.Count;
                        unknown[Index(r.Day)] += r.Value == QuestionDefinition.Unknown ? r.Count : 0;
                    }

                    unknowns.Add(new UnknownTrend(kind, question.Key, question.Text, answered, unknown));
                }
            }
        }

        var unknownLives = await (from answer in db.AssessmentAnswers.AsNoTracking()
                                  join a in complete on answer.AssessmentId equals a.Id
                                  where (answer.Value == QuestionDefinition.Unknown && a.IsCurrent)
                                      || (answer.Value != QuestionDefinition.Unknown && answer.AnsweredAt > a.CompletedAt)
                                  select new { CompletedAt = a.CompletedAt!.Value, answer.AnsweredAt, Open = answer.Value == QuestionDefinition.Unknown })
            .ToListAsync(cancellationToken);
        var unknownLife = periods.Select((_, i) =>
        {
            var here = unknownLives.Where(u => Index(u.CompletedAt) == i).ToList();
            var answeredDays = here.Where(u => !u.Open).Select(u => (u.AnsweredAt - u.CompletedAt).TotalDays).Order().ToList();
            var openDays = here.Where(u => u.Open).Select(u => (now - u.CompletedAt).TotalDays).Order().ToList();
            return new UnknownLifePoint(answeredDays.Count, MetricsQueries.Percentile(answeredDays, 0.5), openDays.Count,
                MetricsQueries.Percentile(openDays, 0.5));
        }).ToList();

        var opened = await cases.Where(c => (areaId == null || c.AreaId == areaId) && c.OpenedAt >= start && c.OpenedAt < end)
            .Select(c => new
            {
                c.OpenedAt,
                FirstCompletedAt = db.Assessments
                    .Where(a => a.CaseId == c.Id && a.Status == AssessmentStatus.Complete
                        && (versionId == null || a.GuidanceVersionId == versionId))
                    .Min(a => a.CompletedAt),
            }).ToListAsync(cancellationToken);
        var timeToFirst = periods.Select((_, i) =>
        {
            var here = opened.Where(c => Index(c.OpenedAt) == i).ToList();
            var hours = here.Where(c => c.FirstCompletedAt is not null)
                .Select(c => (c.FirstCompletedAt!.Value - c.OpenedAt).TotalHours).Order().ToList();
            return new TimeToFirstPoint(here.Count, hours.Count, MetricsQueries.Percentile(hours, 0.5), MetricsQueries.Percentile(hours, 0.9));
        }).ToList();

        var highRisk = await HighRiskAsync(db, areaId, versionId, start, end, now, periods, cancellationToken);
        var rules = await RulesAsync(db, areaId, start, end, periods, cancellationToken);

        return new MetricsTrends(filter.Grain, from, to, periods, answers, unknowns, unknownLife, timeToFirst, levels,
            [.. overrides.Select(o => new OverridePoint(o[0], o[1], o[2], o[3], o[4], o[5]))], highRisk, rules);
    }

    private static async Task<IReadOnlyList<HighRiskPoint>> HighRiskAsync(AsbOpsDbContext db, int? areaId, int? versionId,
        DateTime start, DateTime end, DateTime now, IReadOnlyList<TrendPeriod> periods, CancellationToken cancellationToken)
    {
        // A case enters high with its first complete high assessment; it stays high while open at high, otherwise
        // until its last marker ended (or it closed).
        var entering = await db.Cases.AsNoTracking()
            .Where(c => areaId == null || c.AreaId == areaId)
            .Select(c => new
            {
                FirstHigh = db.Assessments.Where(a => a.CaseId == c.Id && a.Status == AssessmentStatus.Complete && a.Level == RiskLevel.High
                        && (versionId == null || a.GuidanceVersionId == versionId))
                    .Min(a => a.CompletedAt),
                StillHigh = c.Status != CaseStatus.Closed && c.RiskLevel == RiskLevel.High,
                c.ClosedAt,
                LastMarkerEnd = db.Markers.Where(m => m.CaseId == c.Id).Max(m => m.EndedAt),
            })
            .Where(c => c.FirstHigh >= start && c.FirstHigh < end)
            .ToListAsync(cancellationToken);
        return [.. periods.Select((_, i) =>
        {
            var here = entering.Where(c => TrendCalendar.IndexOf(periods, c.FirstHigh!.Value) == i).ToList();
            var days = here.Select(c => ((c.StillHigh ? now : c.LastMarkerEnd ?? c.ClosedAt ?? c.FirstHigh!.Value) - c.FirstHigh!.Value).TotalDays)
                .Select(d => Math.Max(0, d)).Order().ToList();
            return new HighRiskPoint(here.Count, here.Count(c => c.StillHigh), MetricsQueries.Percentile(days, 0.5));
        })];
    }

    private static async Task<IReadOnlyList<RuleTrend>> RulesAsync(AsbOpsDbContext db, int? areaId, DateTime start, DateTime end,
        IReadOnlyList<TrendPeriod> periods, CancellationToken cancellationToken)
    {
        var found = await (from f in db.ComplianceFindings.AsNoTracking()
                           join s in db.ComplianceSnapshots.AsNoTracking() on f.SnapshotId equals s.Id
                           where s.TakenAt >= start && s.TakenAt < end && (areaId == null || f.AreaId == areaId)
                           select new { f.Rule, f.CaseId, s.TakenAt }).ToListAsync(cancellationToken);
        return [.. ComplianceRuleText.All.Select(rule =>
        {
            var counts = new int[periods.Count];
            foreach (var g in found.Where(f => f.Rule == rule).GroupBy(f => (Period: TrendCalendar.IndexOf(periods, f.TakenAt), f.CaseId)))
            {
                counts[g.Key.Period]++;
            }

            return new RuleTrend(rule, ComplianceRuleText.Title(rule), counts);
        })];
    }
}
