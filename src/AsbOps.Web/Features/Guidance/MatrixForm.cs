using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Guidance;

/// <summary>One matrix as edited: its title, questions (in order) and floor rules.</summary>
public sealed class MatrixForm
{
    public AssessmentKind Kind { get; init; }

    public string Title { get; set; } = "";

    public List<QuestionForm> Questions { get; } = [];

    public List<RuleForm> Rules { get; } = [];

    public static MatrixForm From(MatrixDefinition matrix)
    {
        var form = new MatrixForm { Kind = matrix.Kind, Title = matrix.Title ?? "" };
        form.Questions.AddRange((matrix.Questions ?? []).Where(q => q is not null).Select(QuestionForm.From));
        form.Rules.AddRange((matrix.Rules ?? []).Where(r => r is not null).Select(RuleForm.From));
        return form;
    }

    public MatrixDefinition ToDefinition() => new(Kind, Title,
        [.. Questions.Select(q => q.ToDefinition())],
        [.. Rules.Select(r => r.ToDefinition())]);

    /// <summary>A new yes/no/unknown question with a key not yet used in this matrix.</summary>
    public QuestionForm AddQuestion()
    {
        var number = Questions.Count + 1;
        while (Questions.Any(q => q.Key == $"question{number}"))
        {
            number++;
        }

        var question = new QuestionForm { Key = $"question{number}", Type = QuestionType.YesNoUnknown };
        question.ChangeType(QuestionType.YesNoUnknown);
        Questions.Add(question);
        return question;
    }

    public void Move(int index, int by)
    {
        var target = index + by;
        if (index < 0 || index >= Questions.Count || target < 0 || target >= Questions.Count)
        {
            return;
        }

        (Questions[index], Questions[target]) = (Questions[target], Questions[index]);
    }

    /// <summary>
    /// Rules name questions by key, so renaming a key carries the rules along; unless the new key belongs to another
    /// question, when following it would silently point the rule elsewhere.
    /// </summary>
    public void RenameKey(QuestionForm question, string? newKey)
    {
        var oldKey = question.Key;
        question.Key = newKey?.Trim() ?? "";
        if (oldKey.Length == 0 || oldKey == question.Key || Questions.Any(q => q != question && q.Key == question.Key))
        {
            return;
        }

        foreach (var condition in Rules.SelectMany(r => r.AllOf).Where(c => c.QuestionKey == oldKey))
        {
            condition.QuestionKey = question.Key;
        }
    }
}
