namespace AsbOps.Domain.Risk;

/// <summary>Kinds of question a matrix can ask.</summary>
public enum QuestionType
{
    /// <summary>A scale of options, each with a score.</summary>
    Choice = 1,

    /// <summary>Yes or no.</summary>
    YesNo = 2,

    /// <summary>Yes, no or unknown; unknown is allowed but chased by reminders.</summary>
    YesNoUnknown = 3,
}

/// <summary>One answer option with its score.</summary>
public sealed record OptionDefinition(string Value, string Label, int Score);

/// <summary>
/// A question of a matrix. <see cref="IsSafeguarding"/> marks the question whose "yes" demands a full
/// safeguarding referral form.
/// </summary>
public sealed record QuestionDefinition(
    string Key,
    string Text,
    QuestionType Type,
    IReadOnlyList<OptionDefinition> Options,
    bool IsSafeguarding = false)
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string Unknown = "unknown";

    /// <summary>Every yes/no question needs a written explanation when answered yes.</summary>
    public bool ExplanationRequiredOnYes => Type is QuestionType.YesNo or QuestionType.YesNoUnknown;

    public OptionDefinition? FindOption(string? value) =>
        value is null ? null : Options.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.Ordinal));
}

/// <summary>A condition "question answered with value" used by floor rules.</summary>
public sealed record AnswerCondition(string QuestionKey, string Value);

/// <summary>When every condition holds, the level is at least <see cref="Floor"/>.</summary>
public sealed record FloorRule(string Description, IReadOnlyList<AnswerCondition> AllOf, RiskLevel Floor);

/// <summary>A score band: scores from <see cref="MinScore"/> to <see cref="MaxScore"/> (inclusive; null = no upper end).</summary>
public sealed record ScoreBand(RiskLevel Level, int MinScore, int? MaxScore)
{
    public bool Contains(int score) => score >= MinScore && (MaxScore is null || score <= MaxScore);
}

/// <summary>One matrix: its questions and its floor rules.</summary>
public sealed record MatrixDefinition(
    AssessmentKind Kind,
    string Title,
    IReadOnlyList<QuestionDefinition> Questions,
    IReadOnlyList<FloorRule> Rules)
{
    public QuestionDefinition? FindQuestion(string key) =>
        Questions.FirstOrDefault(q => string.Equals(q.Key, key, StringComparison.Ordinal));
}

/// <summary>A whole risk guidance version: three matrices and the score bands they share.</summary>
public sealed record GuidanceDefinition(
    IReadOnlyList<MatrixDefinition> Matrices,
    IReadOnlyList<ScoreBand> Bands)
{
    public MatrixDefinition Matrix(AssessmentKind kind) =>
        Matrices.FirstOrDefault(m => m.Kind == kind)
        ?? throw new InvalidOperationException($"The guidance has no {kind} matrix.");
}
