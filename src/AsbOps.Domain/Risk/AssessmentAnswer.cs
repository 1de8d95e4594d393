namespace AsbOps.Domain.Risk;

/// <summary>One answer of an assessment: the option value, its score at the time and the explanation.</summary>
public sealed class AssessmentAnswer
{
    public const int ExplanationMaxLength = 2000;

    public long Id { get; set; }

    public long AssessmentId { get; set; }

    public required string QuestionKey { get; set; }

    public required string Value { get; set; }

    public int Score { get; set; }

    public string? Explanation { get; set; }

    public DateTime AnsweredAt { get; set; }
}
