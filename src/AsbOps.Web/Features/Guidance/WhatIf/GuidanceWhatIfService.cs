using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Guidance.WhatIf;

/// <summary>
/// Replays a draft guidance definition over the complete assessments of a period, area and role with the app's own
/// scorer (<see cref="RiskScorer"/>), and says what would change. Answers are streamed in assessment order, one
/// assessment at a time (never every answer at once); only counts per case and per subject are kept. Reads only:
/// nothing is stored, and free-text explanations are never read.
/// </summary>
public sealed class GuidanceWhatIfService(IDbContextFactory<AsbOpsDbContext> dbFactory)
{
    private const double DaysPerMonth = 365.25 / 12;

    /// <summary>Who may open the what-if page and replay a draft.</summary>
    public static bool MayReplay(UserScope scope) => Roles.WhatIfReaders.Split(',').Contains(scope.Role);

    /// <summary>Who sees the changed assessments' case references (not the group's partner members).</summary>
    public static bool MaySeeCases(UserScope scope) => scope.Role is Roles.Analyst or Roles.Admin;

    public async Task<IReadOnlyList<AreaLookup.Entry>> AreasAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return (await AreaLookup.LoadAsync(db, null, cancellationToken)).All;
    }

    public async Task<WhatIfResult> ReplayAsync(
        UserScope scope, GuidanceDefinition draft, WhatIfFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(filter);
        if (!MayReplay(scope))
        {
            throw new UnauthorizedAccessException("Only the task-and-finish group replays draft guidance.");
        }

        if (GuidanceValidator.Validate(draft).FirstOrDefault() is { } error)
        {
            throw new ArgumentException($"The draft is not valid guidance ({error.Path}: {error.Message}).", nameof(draft));
        }

        if (filter.To < filter.From)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(filter));
        }

        PersonRole? personRole = null;
        if (filter.Role is { } role && role != WhatIfFilter.LocationRole)
        {
            personRole = Enum.TryParse<PersonRole>(role, out var parsed) ? parsed : throw new ArgumentException($"Unknown role '{role}'.", nameof(filter));
        }

        var location = filter.Role == WhatIfFilter.LocationRole;
        var start = filter.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = filter.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var areaId = filter.AreaId;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = await db.GuidanceVersions.AsNoTracking().Select(v => new { v.Id, v.Definition }).ToDictionaryAsync(v => v.Id, v => v.Definition, cancellationToken);
        var picked = db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Complete
            && a.CompletedAt >= start && a.CompletedAt < end
            && (areaId == null || db.Cases.Any(c => c.Id == a.CaseId && c.AreaId == areaId))
            && (!location || a.CaseParticipantId == null)
            && (personRole == null || (a.Participant != null && a.Participant.Role == personRole)));
        var rows = from answer in db.AssessmentAnswers.AsNoTracking()
                   join a in picked on answer.AssessmentId equals a.Id
                   orderby a.Id
                   select new AnswerRow(a.Id, a.CaseId, a.CaseParticipantId, a.Kind, a.GuidanceVersionId, a.CompletedAt!.Value,
                       a.Level, a.JudgementLevel, a.JudgementApproval, answer.QuestionKey, answer.Value);

        var replay = new Replay(draft, versions, MaySeeCases(scope), filter);
        var answers = new Dictionary<string, AnswerInput>(StringComparer.Ordinal);
        AnswerRow? current = null;
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (current is not null && current.AssessmentId != row.AssessmentId)
            {
                replay.Add(current, answers);
                answers.Clear();
            }

            current = row;
            answers[row.QuestionKey] = new AnswerInput(row.Value, null);
        }

        if (current is not null)
        {
            replay.Add(current, answers);
        }

        var references = replay.Changes is null
            ? []
            : await db.Cases.AsNoTracking().Where(c => replay.ChangedCaseIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.Reference, cancellationToken);
        return replay.Result(references);
    }

    /// <summary>One answer of a replayed assessment, with what the assessment stores (never its explanation).</summary>
    public sealed record AnswerRow(
        long AssessmentId, long CaseId, long? ParticipantId, AssessmentKind Kind, int VersionId, DateTime CompletedAt,
        RiskLevel Level, RiskLevel? JudgementLevel, OverrideApproval JudgementApproval, string QuestionKey, string Value);

    /// <summary>
    /// The level an assessment would have under <paramref name="draft"/>: the draft's computed level, then the officer's
    /// judgement as the app applies it (a sergeant's decision stands; lowering a newly computed high would wait for one).
    /// </summary>
    public static (RiskEvaluation Evaluation, RiskLevel Level) Rescore(
        GuidanceDefinition draft, AssessmentKind kind, IReadOnlyDictionary<string, AnswerInput> answers,
        RiskLevel? judgement, OverrideApproval approval)
    {
        var evaluation = RiskScorer.Evaluate(draft, kind, answers);
        if (judgement is { } j && j != RiskLevel.NotAssessed && approval is not (OverrideApproval.Approved or OverrideApproval.Rejected))
        {
            approval = RiskScorer.NeedsSergeantApproval(evaluation.ComputedLevel, j) ? OverrideApproval.Pending : OverrideApproval.NotRequired;
        }

        return (evaluation, RiskScorer.EffectiveLevel(evaluation.ComputedLevel, judgement, approval));
    }

    /// <summary>The running totals of one replay.</summary>
    private sealed class Replay(GuidanceDefinition draft, IReadOnlyDictionary<int, GuidanceDefinition> versions, bool withChanges, WhatIfFilter filter)
    {
        private readonly int[,] _matrix = new int[4, 4];
        private readonly Dictionary<long, CaseTally> _cases = [];
        private readonly HashSet<(long Case, long Participant)> _highSubjectsNow = [];
        private readonly HashSet<(long Case, long Participant)> _highSubjectsDraft = [];
        private readonly Dictionary<(string Kind, string Name), int[]> _drivers = [];
        private int _assessments;
        private int _changed;

        public List<(long AssessmentId, long CaseId, AssessmentKind Kind, RiskLevel From, RiskLevel To, string Drivers)>? Changes { get; } = withChanges ? [] : null;

        public HashSet<long> ChangedCaseIds { get; } = [];

        public void Add(AnswerRow a, IReadOnlyDictionary<string, AnswerInput> answers)
        {
            _assessments++;
            var (after, level) = Rescore(draft, a.Kind, answers, a.JudgementLevel, a.JudgementApproval);
            _matrix[(int)a.Level, (int)level]++;

            var tally = _cases.TryGetValue(a.CaseId, out var found) ? found : _cases[a.CaseId] = new CaseTally();
            tally.Now = RiskScorer.Max(tally.Now, a.Level);
            tally.Draft = RiskScorer.Max(tally.Draft, level);
            if (a.Level == RiskLevel.High)
            {
                tally.FirstHighNow = Earliest(tally.FirstHighNow, a.CompletedAt);
                if (a.ParticipantId is { } p)
                {
                    _highSubjectsNow.Add((a.CaseId, p));
                }
            }

            if (level == RiskLevel.High)
            {
                tally.FirstHighDraft = Earliest(tally.FirstHighDraft, a.CompletedAt);
                if (a.ParticipantId is { } p)
                {
                    _highSubjectsDraft.Add((a.CaseId, p));
                }
            }

            if (level == a.Level)
            {
                return;
            }

            _changed++;
            var raised = level > a.Level;
            var names = Drivers(versions.GetValueOrDefault(a.VersionId), a.Kind, answers, after).ToList();
            foreach (var name in names)
            {
                var counts = _drivers.TryGetValue(name, out var c) ? c : _drivers[name] = new int[2];
                counts[raised ? 0 : 1]++;
            }

            if (Changes is { Count: < WhatIfResult.ChangesShown })
            {
                Changes.Add((a.AssessmentId, a.CaseId, a.Kind, a.Level, level, string.Join("; ", names.Select(n => n.Name))));
                ChangedCaseIds.Add(a.CaseId);
            }
        }

        /// <summary>What differs between the version the assessment was made under and the draft, for these answers.</summary>
        private IEnumerable<(string Kind, string Name)> Drivers(
            GuidanceDefinition? before, AssessmentKind kind, IReadOnlyDictionary<string, AnswerInput> answers, RiskEvaluation after)
        {
            var any = false;
            var oldMatrix = before?.Matrices.FirstOrDefault(m => m.Kind == kind);
            var newMatrix = draft.Matrix(kind);
            foreach (var (key, answer) in answers.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                var oldScore = oldMatrix?.FindQuestion(key)?.FindOption(answer.Value)?.Score ?? 0;
                var newScore = newMatrix.FindQuestion(key)?.FindOption(answer.Value)?.Score ?? 0;
                if (oldScore != newScore)
                {
                    any = true;
                    yield return ("Question", $"{kind}: {key} = {answer.Value} ({oldScore} → {newScore})");
                }
            }

            var oldRules = oldMatrix is null || before is null ? new HashSet<string>(StringComparer.Ordinal) : RiskScorer.Evaluate(before, kind, answers).AppliedRules
                .Select(r => $"{r.Description} (at least {r.Floor})").ToHashSet(StringComparer.Ordinal);
            var newRules = after.AppliedRules.Select(r => $"{r.Description} (at least {r.Floor})").ToHashSet(StringComparer.Ordinal);
            foreach (var rule in newRules.Except(oldRules).Order(StringComparer.Ordinal))
            {
                any = true;
                yield return ("Rule", $"{kind}: {rule} now applies");
            }

            foreach (var rule in oldRules.Except(newRules).Order(StringComparer.Ordinal))
            {
                any = true;
                yield return ("Rule", $"{kind}: {rule} no longer applies");
            }

            if (before is not null && RiskScorer.BandFor(before.Bands, after.Score) != after.BandLevel)
            {
                any = true;
                yield return ("Bands", $"Score bands (a score of {after.Score})");
            }

            if (!any)
            {
                yield return ("Judgement", "Professional judgement as applied to the new computed level");
            }
        }

        public WhatIfResult Result(IReadOnlyDictionary<long, string> references)
        {
            var cadence = new ReviewCadence();
            double Reviews(RiskLevel level) => level switch
            {
                RiskLevel.High => DaysPerMonth / cadence.HighDays,
                RiskLevel.Medium => DaysPerMonth / cadence.MediumDays,
                RiskLevel.Low => DaysPerMonth / cadence.LowDays,
                _ => 0,
            };

            var highNow = _cases.Values.Count(c => c.Now == RiskLevel.High);
            var highDraft = _cases.Values.Count(c => c.Draft == RiskLevel.High);
            var workload = new WhatIfWorkload(highNow, highDraft,
                _highSubjectsNow.Count + highNow, _highSubjectsDraft.Count + highDraft, highNow, highDraft,
                Math.Round(_cases.Values.Sum(c => Reviews(c.Now)), 1), Math.Round(_cases.Values.Sum(c => Reviews(c.Draft)), 1));

            var months = new List<WhatIfMonth>();
            for (var month = new DateOnly(filter.From.Year, filter.From.Month, 1); month <= filter.To; month = month.AddMonths(1))
            {
                var m = month;
                bool In(DateTime? at) => at is { } t && t.Year == m.Year && t.Month == m.Month;
                months.Add(new WhatIfMonth(m.ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
                    _cases.Values.Count(c => In(c.FirstHighNow)), _cases.Values.Count(c => In(c.FirstHighDraft))));
            }

            var drivers = _drivers.Select(d => new WhatIfDriver(d.Key.Kind, d.Key.Name, d.Value[0], d.Value[1]))
                .OrderByDescending(d => d.Total).ThenBy(d => d.Name, StringComparer.Ordinal).ToList();
            var changes = Changes?.Select(c => new WhatIfChange(c.AssessmentId, references.GetValueOrDefault(c.CaseId, "?"),
                c.Kind.ToString(), c.From, c.To, c.Drivers)).ToList();
            return new WhatIfResult(filter, _assessments, _changed, _cases.Count, _cases.Values.Count(c => c.Now != c.Draft),
                (int[,])_matrix.Clone(), drivers, months, workload, changes);
        }

        private static DateTime Earliest(DateTime? a, DateTime b) => a is { } x && x < b ? x : b;
    }

    private sealed class CaseTally
    {
        public RiskLevel Now { get; set; }

        public RiskLevel Draft { get; set; }

        public DateTime? FirstHighNow { get; set; }

        public DateTime? FirstHighDraft { get; set; }
    }
}
