using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Assessments;

/// <summary>
/// Checks a command against the matrix of its guidance version, as the server must: the form checks the same
/// things, but a hand-made request must not be able to store an invalid assessment.
/// </summary>
public static class AssessmentValidator
{
    public const int RationaleMaxLength = 2000;

    public static string AnswerKey(string questionKey) => $"answers.{questionKey}";

    public static string ExplanationKey(string questionKey) => $"answers.{questionKey}.explanation";

    public const string JudgementLevelKey = "judgementLevel";
    public const string RationaleKey = "judgementRationale";
    public const string AgencyKey = "safeguarding.agency";
    public const string ConcernsKey = "safeguarding.concerns";
    public const string ConsentKey = "safeguarding.consentToShare";
    public const string ImmediateActionsKey = "safeguarding.immediateActions";

    public static Dictionary<string, string> Validate(MatrixDefinition matrix, AssessmentCommand command)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(command);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var safeguardingYes = false;

        foreach (var answer in command.Answers)
        {
            var key = answer.QuestionKey ?? "";
            if (!seen.Add(key))
            {
                errors[AnswerKey(key)] = "This question is answered more than once.";
                continue;
            }

            var question = matrix.FindQuestion(key);
            if (question is null)
            {
                errors[AnswerKey(key)] = "Not a question of this risk matrix.";
                continue;
            }

            if (answer.Value is not null && question.FindOption(answer.Value) is null)
            {
                errors[AnswerKey(key)] = "Not one of this question's options.";
                continue;
            }

            if (answer.Explanation is { Length: > AssessmentAnswer.ExplanationMaxLength })
            {
                errors[ExplanationKey(key)] = $"At most {AssessmentAnswer.ExplanationMaxLength} characters.";
            }
            else if (answer.Value == QuestionDefinition.Yes && question.ExplanationRequiredOnYes && string.IsNullOrWhiteSpace(answer.Explanation))
            {
                errors[ExplanationKey(key)] = "A yes needs an explanation.";
            }

            safeguardingYes |= question.IsSafeguarding && answer.Value == QuestionDefinition.Yes;
        }

        if (command.Complete)
        {
            var answered = command.Answers.Where(a => a.Value is not null).Select(a => a.QuestionKey).ToHashSet(StringComparer.Ordinal);
            foreach (var question in matrix.Questions.Where(q => !answered.Contains(q.Key)))
            {
                errors.TryAdd(AnswerKey(question.Key), "Answer this question to complete the assessment.");
            }
        }

        ValidateJudgement(command, errors);
        ValidateSafeguarding(command, safeguardingYes, errors);
        return errors;
    }

    private static void ValidateJudgement(AssessmentCommand command, Dictionary<string, string> errors)
    {
        if (command.JudgementRationale is { Length: > RationaleMaxLength })
        {
            errors[RationaleKey] = $"At most {RationaleMaxLength} characters.";
        }

        if (command.JudgementLevel is not { } level)
        {
            return;
        }

        if (!Enum.IsDefined(level) || level == RiskLevel.NotAssessed)
        {
            errors[JudgementLevelKey] = "Choose low, medium or high.";
        }
        else if (string.IsNullOrWhiteSpace(command.JudgementRationale))
        {
            errors[RationaleKey] = "A professional-judgement level needs a written rationale.";
        }
    }

    private static void ValidateSafeguarding(AssessmentCommand command, bool safeguardingYes, Dictionary<string, string> errors)
    {
        var form = command.Safeguarding;
        if (form?.Concerns is { Length: > SafeguardingForm.ConcernsMaxLength })
        {
            errors[ConcernsKey] = $"At most {SafeguardingForm.ConcernsMaxLength} characters.";
        }

        if (form?.ImmediateActions is { Length: > SafeguardingForm.ImmediateActionsMaxLength })
        {
            errors[ImmediateActionsKey] = $"At most {SafeguardingForm.ImmediateActionsMaxLength} characters.";
        }

        if (form?.Agency is { } agency && !Enum.IsDefined(agency))
        {
            errors[AgencyKey] = "Not a known agency.";
        }

        var started = form is not null && (!string.IsNullOrWhiteSpace(form.Concerns) || form.ConsentToShare.HasValue
            || !string.IsNullOrWhiteSpace(form.ImmediateActions));
        if (safeguardingYes && started && form!.Agency is null)
        {
            errors[AgencyKey] = "Choose the agency the safeguarding referral goes to.";
        }

        if (!safeguardingYes || !command.Complete)
        {
            return;
        }

        // A safeguarding concern may be saved as a draft with the form half filled; completion needs all of it.
        if (form?.Agency is null)
        {
            errors.TryAdd(AgencyKey, "Choose the agency the safeguarding referral goes to.");
        }

        if (string.IsNullOrWhiteSpace(form?.Concerns))
        {
            errors.TryAdd(ConcernsKey, "Describe the safeguarding concerns.");
        }

        if (form?.ConsentToShare is null)
        {
            errors.TryAdd(ConsentKey, "Record whether the person consents to sharing.");
        }

        if (string.IsNullOrWhiteSpace(form?.ImmediateActions))
        {
            errors.TryAdd(ImmediateActionsKey, "Record the immediate actions taken.");
        }
    }
}
