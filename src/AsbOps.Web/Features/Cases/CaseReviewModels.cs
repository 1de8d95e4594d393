using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Cases;

/// <summary>What the review and close dialogs need of a case, with the Version their save must carry.</summary>
public sealed record CaseStateModel(
    long CaseId, string Reference, CaseStatus Status, RiskLevel RiskLevel, int Version, DateTime? LastReviewedAt,
    DateTime? NextReviewDue, DateTime? ClosedAt, bool CanReview);

/// <summary>A sergeant's review as entered: an optional note and the status the case continues in.</summary>
public sealed class ReviewInput
{
    public string? Note { get; set; }

    /// <summary>Open or under review; closing is its own command.</summary>
    public CaseStatus Status { get; set; } = CaseStatus.Open;

    public int Version { get; set; }
}

public sealed class CloseInput
{
    public ClosureReason? Reason { get; set; }

    public int Version { get; set; }
}
