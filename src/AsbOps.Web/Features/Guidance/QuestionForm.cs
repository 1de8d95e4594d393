using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Guidance;

/// <summary>One question as edited: key, wording, answer type, options with their scores, safeguarding flag.</summary>
public sealed class QuestionForm
{
    private static readonly (string Value, string Label)[] YesNoUnknown =
        [(QuestionDefinition.Yes, "Yes"), (QuestionDefinition.No, "No"), (QuestionDefinition.Unknown, "Unknown")];

    public string Key { get; set; } = "";

    public string Text { get; set; } = "";

    public QuestionType Type { get; set; } = QuestionType.Choice;

    public bool IsSafeguarding { get; set; }

    public List<OptionForm> Options { get; } = [];

    /// <summary>Yes/no questions have fixed option values (the scorer and the reminders rely on them); only labels and scores change.</summary>
    public bool HasFixedOptions => Type is QuestionType.YesNo or QuestionType.YesNoUnknown;

    public static QuestionForm From(QuestionDefinition question)
    {
        var form = new QuestionForm
        {
            Key = question.Key ?? "",
            Text = question.Text ?? "",
            Type = question.Type,
            IsSafeguarding = question.IsSafeguarding,
        };
        form.Options.AddRange((question.Options ?? []).Where(o => o is not null)
            .Select(o => new OptionForm { Value = o.Value ?? "", Label = o.Label ?? "", Score = o.Score }));
        return form;
    }

    public QuestionDefinition ToDefinition() => new(Key, Text, Type,
        [.. Options.Select(o => new OptionDefinition(o.Value, o.Label, o.Score))], IsSafeguarding);

    /// <summary>
    /// A yes/no type gets exactly its fixed options, keeping the labels and scores of those it already had; a choice
    /// keeps whatever options there were, to be edited freely.
    /// </summary>
    public void ChangeType(QuestionType type)
    {
        Type = type;
        if (!HasFixedOptions)
        {
            return;
        }

        var wanted = type == QuestionType.YesNo ? YesNoUnknown[..2] : YesNoUnknown;
        var kept = wanted.Select(w => Options.FirstOrDefault(o => o.Value == w.Value) ?? new OptionForm { Value = w.Value, Label = w.Label })
            .ToList();
        Options.Clear();
        Options.AddRange(kept);
    }

    public void AddOption()
    {
        var number = Options.Count + 1;
        while (Options.Any(o => o.Value == $"option{number}"))
        {
            number++;
        }

        Options.Add(new OptionForm { Value = $"option{number}", Label = "" });
    }
}

/// <summary>One answer option as edited.</summary>
public sealed class OptionForm
{
    public string Value { get; set; } = "";

    public string Label { get; set; } = "";

    public int Score { get; set; }
}
