namespace AsbOps.Domain.Risk;

/// <summary>What the scorer makes of a set of answers.</summary>
public sealed record RiskEvaluation(
    int Score,
    RiskLevel BandLevel,
    RiskLevel ComputedLevel,
    IReadOnlyList<FloorRule> AppliedRules,
    IReadOnlyList<string> UnansweredQuestions,
    IReadOnlyList<string> UnknownQuestions,
    IReadOnlyList<string> MissingExplanations,
    bool SafeguardingConcern)
{
    /// <summary>Every question answered and every yes explained (unknown answers are allowed).</summary>
    public bool IsAnswered => UnansweredQuestions.Count == 0 && MissingExplanations.Count == 0;
}
