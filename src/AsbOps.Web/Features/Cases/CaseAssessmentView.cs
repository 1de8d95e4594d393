using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Cases;

/// <summary>One risk matrix as it was made: its score and levels, and its answers in its own guidance version's words.</summary>
public sealed record CaseAssessmentView
{
    public long Id { get; init; }
    public AssessmentKind Kind { get; init; }

    /// <summary>The person's name, or the case address for a location assessment.</summary>
    public required string Subject { get; init; }

    public PersonRole? Role { get; init; }
    public int GuidanceVersionNumber { get; init; }
    public required string MatrixTitle { get; init; }
    public AssessmentStatus Status { get; init; }
    public DateTime CreatedAt { get; init; }
    public string? CreatedByName { get; init; }
    public DateTime? CompletedAt { get; init; }
    public bool IsCurrent { get; init; }
    public int Score { get; init; }
    public RiskLevel ComputedLevel { get; init; }
    public RiskLevel? JudgementLevel { get; init; }
    public string? JudgementRationale { get; init; }
    public OverrideApproval JudgementApproval { get; init; }
    public string? ApprovedByName { get; init; }
    public DateTime? ApprovedAt { get; init; }

    /// <summary>The sergeant's note on approving or rejecting a lowered level.</summary>
    public string? ApprovalNote { get; init; }

    public RiskLevel Level { get; init; }
    public int UnknownCount { get; init; }
    public bool SafeguardingConcern { get; init; }
    public IReadOnlyList<CaseAnswerView> Answers { get; init; } = [];
}

/// <summary>
/// A question of the matrix and its answer: the option label as that guidance version worded it, or "Not answered".
/// An unknown answer carries its age in days, since it is chased until answered.
/// </summary>
public sealed record CaseAnswerView(
    string QuestionKey,
    string QuestionText,
    string? Value,
    string AnswerLabel,
    int? Score,
    string? Explanation,
    bool IsUnknown,
    int? UnknownForDays);
