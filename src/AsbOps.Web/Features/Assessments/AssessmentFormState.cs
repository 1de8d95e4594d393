using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Assessments;

/// <summary>
/// What the officer has entered so far. It scores itself live with the same <see cref="RiskScorer"/> the server uses,
/// and checks itself with the same <see cref="AssessmentValidator"/>, so the errors shown next to the fields are the
/// ones the server would give. It survives a conflict untouched, to be re-applied.
/// </summary>
public sealed class AssessmentFormState
{
    private readonly Dictionary<string, AnswerState> _answers = new(StringComparer.Ordinal);

    public sealed class AnswerState
    {
        public string? Value { get; set; }
        public string? Explanation { get; set; }
    }

    public RiskLevel? JudgementLevel { get; set; }
    public string? JudgementRationale { get; set; }
    public Agency? Agency { get; set; }
    public string? Concerns { get; set; }
    public bool? ConsentToShare { get; set; }
    public string? ImmediateActions { get; set; }

    public static AssessmentFormState From(AssessmentFormData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var state = new AssessmentFormState
        {
            JudgementLevel = data.JudgementLevel,
            JudgementRationale = data.JudgementRationale,
            Agency = data.Safeguarding?.Agency,
            Concerns = data.Safeguarding?.Concerns,
            ConsentToShare = data.Safeguarding?.ConsentToShare,
            ImmediateActions = data.Safeguarding?.ImmediateActions,
        };
        foreach (var answer in data.Answers)
        {
            state.Answer(answer.QuestionKey).Value = answer.Value;
            state.Answer(answer.QuestionKey).Explanation = answer.Explanation;
        }

        return state;
    }

    /// <summary>True once any question has an answer: before that there is no score to show.</summary>
    public bool HasAnyAnswer => _answers.Values.Any(a => !string.IsNullOrEmpty(a.Value));

    public AnswerState Answer(string questionKey)
    {
        if (!_answers.TryGetValue(questionKey, out var answer))
        {
            answer = new AnswerState();
            _answers[questionKey] = answer;
        }

        return answer;
    }

    /// <summary>True when a safeguarding question of the matrix is answered yes: the referral form is then shown and needed.</summary>
    public bool NeedsSafeguardingForm(MatrixDefinition matrix) =>
        matrix.Questions.Any(q => q.IsSafeguarding && Answer(q.Key).Value == QuestionDefinition.Yes);

    public RiskEvaluation Evaluate(AssessmentFormData data) =>
        RiskScorer.Evaluate(data.Guidance, data.Kind, _answers.ToDictionary(a => a.Key, a => new AnswerInput(a.Value.Value, a.Value.Explanation), StringComparer.Ordinal));

    /// <summary>The level as it would stand: a lowered high waits for a sergeant, so it shows high until approved.</summary>
    public RiskLevel EffectiveLevel(RiskEvaluation evaluation) =>
        RiskScorer.EffectiveLevel(evaluation.ComputedLevel, JudgementLevel, OverrideApproval.Pending);

    public AssessmentCommand ToCommand(AssessmentFormData data, bool complete)
    {
        ArgumentNullException.ThrowIfNull(data);
        var matrix = data.Matrix;
        return new AssessmentCommand
        {
            CaseId = data.CaseId,
            CaseParticipantId = data.CaseParticipantId,
            Kind = data.Kind,
            AssessmentId = data.AssessmentId,
            ExpectedVersion = data.Version,
            BasedOnAssessmentId = data.BasedOnAssessmentId,
            Answers = matrix.Questions
                .Where(q => Answer(q.Key).Value is not null)
                .Select(q => new AnswerCommand(q.Key, Answer(q.Key).Value,
                    Answer(q.Key).Value == QuestionDefinition.Yes || !q.ExplanationRequiredOnYes ? Answer(q.Key).Explanation : null))
                .ToList(),
            JudgementLevel = JudgementLevel,
            JudgementRationale = JudgementLevel is null ? null : JudgementRationale,
            Safeguarding = NeedsSafeguardingForm(matrix) ? new SafeguardingForm(Agency, Concerns, ConsentToShare, ImmediateActions) : null,
            Complete = complete,
        };
    }
}
