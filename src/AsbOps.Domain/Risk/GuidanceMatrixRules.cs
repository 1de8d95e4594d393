using System.Text.RegularExpressions;

namespace AsbOps.Domain.Risk;

/// <summary>The per-matrix rules of <see cref="GuidanceValidator"/>: questions, options and floor rules.</summary>
internal static partial class GuidanceMatrixRules
{
    private static readonly string[] YesNo = [QuestionDefinition.Yes, QuestionDefinition.No];
    private static readonly string[] YesNoUnknown = [QuestionDefinition.Yes, QuestionDefinition.No, QuestionDefinition.Unknown];

    public static void Check(MatrixDefinition matrix, string path, List<GuidanceError> errors)
    {
        var name = $"{matrix.Kind} matrix";
        if (string.IsNullOrWhiteSpace(matrix.Title))
        {
            errors.Add(new($"{path}.title", $"The {name} needs a title."));
        }

        var questions = matrix.Questions ?? [];
        if (questions.Count == 0)
        {
            errors.Add(new($"{path}.questions", $"The {name} has no questions."));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var q = 0; q < questions.Count; q++)
        {
            var questionPath = $"{path}.questions[{q}]";
            if (questions[q] is not { } question)
            {
                errors.Add(new(questionPath, $"Question {q + 1} of the {name} is empty."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(question.Key) || !KeyPattern().IsMatch(question.Key))
            {
                errors.Add(new($"{questionPath}.key", $"Question {q + 1} of the {name} needs a key of letters and digits starting with a letter (e.g. 'repeatVictim')."));
            }
            else if (!keys.Add(question.Key))
            {
                errors.Add(new($"{questionPath}.key", $"The key '{question.Key}' is used twice in the {name}; keys must be unique within a matrix."));
            }

            if (string.IsNullOrWhiteSpace(question.Text))
            {
                errors.Add(new($"{questionPath}.text", $"Question '{question.Key}' of the {name} has no text."));
            }

            CheckOptions(question, questionPath, name, errors);
        }

        CheckSafeguarding(matrix, questions, path, name, errors);
        CheckRules(matrix, path, name, errors);
    }

    private static void CheckOptions(QuestionDefinition question, string path, string matrix, List<GuidanceError> errors)
    {
        var options = question.Options ?? [];
        var label = $"Question '{question.Key}' of the {matrix}";
        if (options.Count < 2)
        {
            errors.Add(new($"{path}.options", $"{label} needs at least two options."));
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var o = 0; o < options.Count; o++)
        {
            var optionPath = $"{path}.options[{o}]";
            if (options[o] is not { } option)
            {
                errors.Add(new(optionPath, $"{label}: option {o + 1} is empty."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(option.Value))
            {
                errors.Add(new($"{optionPath}.value", $"{label}: option {o + 1} has no value."));
            }
            else if (!values.Add(option.Value))
            {
                errors.Add(new($"{optionPath}.value", $"{label}: the value '{option.Value}' is used twice; option values must be unique."));
            }

            if (string.IsNullOrWhiteSpace(option.Label))
            {
                errors.Add(new($"{optionPath}.label", $"{label}: option '{option.Value}' has no label."));
            }

            if (option.Score < 0)
            {
                errors.Add(new($"{optionPath}.score", $"{label}: option '{option.Value}' scores {option.Score}; scores must be 0 or more."));
            }
        }

        var expected = question.Type switch
        {
            QuestionType.YesNo => YesNo,
            QuestionType.YesNoUnknown => YesNoUnknown,
            _ => null,
        };
        if (!Enum.IsDefined(question.Type))
        {
            errors.Add(new($"{path}.type", $"{label} has an unknown type; use choice, yesNo or yesNoUnknown."));
        }
        else if (expected is not null && !values.SetEquals(expected))
        {
            var kind = question.Type == QuestionType.YesNo ? "A yes/no question" : "A yes/no/unknown question";
            errors.Add(new($"{path}.options",
                $"{label}: {kind} must have exactly the options {string.Join(", ", expected)} (it has {Listed(values)})."));
        }
    }

    private static void CheckSafeguarding(MatrixDefinition matrix, IReadOnlyList<QuestionDefinition> questions, string path, string name, List<GuidanceError> errors)
    {
        var safeguarding = questions.Select((q, i) => (Question: q, Index: i)).Where(x => x.Question?.IsSafeguarding == true).ToList();
        foreach (var (question, index) in safeguarding.Where(x => x.Question.Type == QuestionType.Choice))
        {
            errors.Add(new($"{path}.questions[{index}].type", $"The safeguarding question '{question.Key}' of the {name} must be a yes/no question."));
        }

        if (matrix.Kind is AssessmentKind.Victim or AssessmentKind.Perpetrator && safeguarding.Count != 1)
        {
            errors.Add(new($"{path}.questions",
                safeguarding.Count == 0
                    ? $"The {name} has no safeguarding question; it needs exactly one (isSafeguarding: true)."
                    : $"The {name} has {safeguarding.Count} safeguarding questions; it needs exactly one."));
        }
        else if (matrix.Kind == AssessmentKind.Location && safeguarding.Count > 1)
        {
            errors.Add(new($"{path}.questions", $"The {name} has {safeguarding.Count} safeguarding questions; it may have at most one."));
        }
    }

    private static void CheckRules(MatrixDefinition matrix, string path, string name, List<GuidanceError> errors)
    {
        var rules = matrix.Rules ?? [];
        for (var r = 0; r < rules.Count; r++)
        {
            var rulePath = $"{path}.rules[{r}]";
            if (rules[r] is not { } rule)
            {
                errors.Add(new(rulePath, $"Rule {r + 1} of the {name} is empty."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Description))
            {
                errors.Add(new($"{rulePath}.description", $"Rule {r + 1} of the {name} needs a description."));
            }

            if (rule.Floor is not (RiskLevel.Low or RiskLevel.Medium or RiskLevel.High))
            {
                errors.Add(new($"{rulePath}.floor", $"Rule {r + 1} of the {name} must raise the level to low, medium or high."));
            }

            var conditions = rule.AllOf ?? [];
            if (conditions.Count == 0)
            {
                errors.Add(new($"{rulePath}.allOf", $"Rule {r + 1} of the {name} has no conditions."));
            }

            for (var c = 0; c < conditions.Count; c++)
            {
                var condition = conditions[c];
                var conditionPath = $"{rulePath}.allOf[{c}]";
                var question = condition is null ? null : matrix.FindQuestion(condition.QuestionKey);
                if (question is null)
                {
                    errors.Add(new($"{conditionPath}.questionKey",
                        $"Rule {r + 1} of the {name} refers to the question '{condition?.QuestionKey}', which the matrix does not have."));
                }
                else if (question.FindOption(condition!.Value) is null)
                {
                    errors.Add(new($"{conditionPath}.value",
                        $"Rule {r + 1} of the {name} expects '{condition.Value}' for '{question.Key}', which is not one of its options ({Listed((question.Options ?? []).Select(o => o?.Value))})."));
                }
            }
        }
    }

    private static string Listed(IEnumerable<string?> values) =>
        values.Any() ? string.Join(", ", values.Select(v => v ?? "(none)")) : "none";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex KeyPattern();
}
