namespace AsbOps.Domain.Risk;

/// <summary>One answer as the scorer sees it: the chosen option value and the officer's explanation.</summary>
public readonly record struct AnswerInput(string? Value, string? Explanation);

/// <summary>Scores a matrix under a guidance version: sum of option scores, the band, then the floor rules.</summary>
public static class RiskScorer
{
    public static RiskEvaluation Evaluate(
        GuidanceDefinition guidance,
        AssessmentKind kind,
        IReadOnlyDictionary<string, AnswerInput> answers)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        ArgumentNullException.ThrowIfNull(answers);
        var matrix = guidance.Matrix(kind);

        var score = 0;
        var unanswered = new List<string>();
        var unknown = new List<string>();
        var missingExplanation = new List<string>();
        var safeguarding = false;

        foreach (var question in matrix.Questions)
        {
            answers.TryGetValue(question.Key, out var answer);
            var option = question.FindOption(answer.Value);
            if (option is null)
            {
                unanswered.Add(question.Key);
                continue;
            }

            score += option.Score;
            if (option.Value == QuestionDefinition.Unknown)
            {
                unknown.Add(question.Key);
            }

            if (option.Value == QuestionDefinition.Yes)
            {
                if (question.ExplanationRequiredOnYes && string.IsNullOrWhiteSpace(answer.Explanation))
                {
                    missingExplanation.Add(question.Key);
                }

                safeguarding |= question.IsSafeguarding;
            }
        }

        var band = BandFor(guidance.Bands, score);
        var applied = matrix.Rules.Where(r => r.AllOf.All(c => Holds(c, answers))).ToList();
        var computed = applied.Aggregate(band, (level, rule) => Max(level, rule.Floor));

        return new RiskEvaluation(score, band, computed, applied, unanswered, unknown, missingExplanation, safeguarding);
    }

    public static RiskLevel BandFor(IReadOnlyList<ScoreBand> bands, int score) =>
        bands.FirstOrDefault(b => b.Contains(score))?.Level
        ?? throw new InvalidOperationException($"No score band covers the score {score}.");

    /// <summary>
    /// The level that counts: the officer's professional judgement where given, except that lowering a computed
    /// high keeps the level high until a sergeant approves it.
    /// </summary>
    public static RiskLevel EffectiveLevel(RiskLevel computed, RiskLevel? judgement, OverrideApproval approval)
    {
        if (judgement is not { } chosen || chosen == RiskLevel.NotAssessed)
        {
            return computed;
        }

        if (NeedsSergeantApproval(computed, chosen) && approval != OverrideApproval.Approved)
        {
            return computed;
        }

        return chosen;
    }

    public static bool NeedsSergeantApproval(RiskLevel computed, RiskLevel judgement) =>
        computed == RiskLevel.High && judgement < RiskLevel.High;

    public static RiskLevel Max(RiskLevel a, RiskLevel b) => a >= b ? a : b;

    private static bool Holds(AnswerCondition condition, IReadOnlyDictionary<string, AnswerInput> answers) =>
        answers.TryGetValue(condition.QuestionKey, out var answer)
        && string.Equals(answer.Value, condition.Value, StringComparison.Ordinal);
}
