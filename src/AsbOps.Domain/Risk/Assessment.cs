using AsbOps.Domain.Cases;

namespace AsbOps.Domain.Risk;

/// <summary>
/// A risk matrix for one person on a case (victim, perpetrator, optionally witness) or for the case location.
/// A reassessment adds a new one and the old one stops being current; history stays.
/// </summary>
public sealed class Assessment
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>The person on the case; null for a location assessment.</summary>
    public long? CaseParticipantId { get; set; }

    public CaseParticipant? Participant { get; set; }

    public AssessmentKind Kind { get; set; }

    public int GuidanceVersionId { get; set; }

    public RiskGuidanceVersion? GuidanceVersion { get; set; }

    public AssessmentStatus Status { get; set; } = AssessmentStatus.Draft;

    public DateTime CreatedAt { get; set; }

    public required string CreatedByUserId { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>False once a reassessment of the same subject replaces it.</summary>
    public bool IsCurrent { get; set; } = true;

    public int Score { get; set; }

    public RiskLevel ComputedLevel { get; set; }

    /// <summary>The officer's professional-judgement level, with <see cref="JudgementRationale"/>.</summary>
    public RiskLevel? JudgementLevel { get; set; }

    public string? JudgementRationale { get; set; }

    public OverrideApproval JudgementApproval { get; set; } = OverrideApproval.None;

    public string? ApprovedByUserId { get; set; }

    public DateTime? ApprovedAt { get; set; }

    /// <summary>The sergeant's note when approving or rejecting a lowered level.</summary>
    public string? ApprovalNote { get; set; }

    /// <summary>The level that counts, per <see cref="RiskScorer.EffectiveLevel"/>; stored for the queues.</summary>
    public RiskLevel Level { get; set; }

    /// <summary>How many (Y/N/U) questions are answered unknown; greater than zero starts the reminder schedule.</summary>
    public int UnknownCount { get; set; }

    public bool SafeguardingConcern { get; set; }

    public int Version { get; set; }

    public List<AssessmentAnswer> Answers { get; set; } = [];

    /// <summary>Recomputes score and levels from the answers under the given guidance.</summary>
    public RiskEvaluation Recalculate(GuidanceDefinition guidance)
    {
        var evaluation = RiskScorer.Evaluate(guidance, Kind,
            Answers.ToDictionary(a => a.QuestionKey, a => new AnswerInput(a.Value, a.Explanation), StringComparer.Ordinal));
        Score = evaluation.Score;
        ComputedLevel = evaluation.ComputedLevel;
        UnknownCount = evaluation.UnknownQuestions.Count;
        SafeguardingConcern = evaluation.SafeguardingConcern;
        if (JudgementLevel is { } judgement && JudgementApproval == OverrideApproval.None)
        {
            JudgementApproval = RiskScorer.NeedsSergeantApproval(ComputedLevel, judgement)
                ? OverrideApproval.Pending
                : OverrideApproval.NotRequired;
        }

        Level = RiskScorer.EffectiveLevel(ComputedLevel, JudgementLevel, JudgementApproval);
        return evaluation;
    }
}
