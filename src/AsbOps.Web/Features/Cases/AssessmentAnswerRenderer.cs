using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Cases;

/// <summary>A stored answer as read from the database.</summary>
public sealed record StoredAnswer(string QuestionKey, string Value, int Score, string? Explanation, DateTime AnsweredAt);

/// <summary>
/// Words an assessment's answers with the guidance version it was made under, so an old assessment still reads as it
/// was asked: every question of that version's matrix in order, then any answer the matrix no longer knows.
/// </summary>
public static class AssessmentAnswerRenderer
{
    public const string NotAnswered = "Not answered";

    public static IReadOnlyList<CaseAnswerView> Render(
        GuidanceDefinition? guidance, AssessmentKind kind, IReadOnlyList<StoredAnswer> answers, DateTime now)
    {
        var byKey = answers.ToDictionary(a => a.QuestionKey, StringComparer.Ordinal);
        var matrix = guidance?.Matrices.FirstOrDefault(m => m.Kind == kind);
        var views = new List<CaseAnswerView>();
        if (matrix is not null)
        {
            foreach (var question in matrix.Questions)
            {
                byKey.Remove(question.Key, out var answer);
                views.Add(View(question.Key, question.Text, question.FindOption(answer?.Value)?.Label, answer, now));
            }
        }

        // Answers to questions the definition lacks still show, under their key, rather than vanish.
        views.AddRange(byKey.Values.OrderBy(a => a.QuestionKey, StringComparer.Ordinal)
            .Select(a => View(a.QuestionKey, a.QuestionKey, null, a, now)));
        return views;
    }

    public static string MatrixTitle(GuidanceDefinition? guidance, AssessmentKind kind) =>
        guidance?.Matrices.FirstOrDefault(m => m.Kind == kind)?.Title ?? $"{kind} risk matrix";

    private static CaseAnswerView View(string key, string text, string? optionLabel, StoredAnswer? answer, DateTime now)
    {
        if (answer is null)
        {
            return new CaseAnswerView(key, text, null, NotAnswered, null, null, false, null);
        }

        var unknown = answer.Value == QuestionDefinition.Unknown;
        int? age = unknown ? Math.Max(0, (int)(now - answer.AnsweredAt).TotalDays) : null;
        return new CaseAnswerView(key, text, answer.Value, optionLabel ?? answer.Value, answer.Score, answer.Explanation, unknown, age);
    }
}
