using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Cases;

/// <summary>A sergeant's review of a case: when, by whom, at which level, with an optional note.</summary>
public sealed class CaseReview
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public DateTime ReviewedAt { get; set; }

    public required string ReviewedByUserId { get; set; }

    public RiskLevel RiskLevel { get; set; }

    public CaseStatus StatusAfter { get; set; }

    public string? Note { get; set; }

    public DateTime NextReviewDue { get; set; }
}
