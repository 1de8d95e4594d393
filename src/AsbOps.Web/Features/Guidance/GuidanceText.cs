using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Guidance;

/// <summary>How the parts of a guidance definition read for a task-and-finish group.</summary>
public static class GuidanceText
{
    public static string QuestionType(QuestionType type) => type switch
    {
        Domain.Risk.QuestionType.Choice => "Choose one",
        Domain.Risk.QuestionType.YesNo => "Yes / no",
        Domain.Risk.QuestionType.YesNoUnknown => "Yes / no / unknown",
        _ => type.ToString(),
    };

    public static string Band(ScoreBand band) => band.MaxScore is { } max
        ? $"{band.MinScore}–{max}"
        : $"{band.MinScore} or more";

    /// <summary>"Is the person vulnerable? = Yes and … → at least High", using the matrix's own wording.</summary>
    public static string Conditions(MatrixDefinition matrix, FloorRule rule) =>
        string.Join(" and ", rule.AllOf.Select(c =>
        {
            var question = matrix.FindQuestion(c.QuestionKey);
            var answer = question?.FindOption(c.Value)?.Label ?? c.Value;
            return $"“{question?.Text ?? c.QuestionKey}” is {answer}";
        }));
}
