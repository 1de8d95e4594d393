namespace AsbOps.Domain.Retention;

public enum RetentionOutcome
{
    Retained = 1,
    Disposed = 2,
}

/// <summary>
/// A compliance officer's decision on a closed case whose retention review fell due: kept (with a reason and the next
/// review date) or disposed of (its personal data removed). The case's history of decisions is kept after disposal.
/// </summary>
public sealed class RetentionDecision
{
    public const int MaxReason = 1000;

    public long Id { get; set; }

    public long CaseId { get; set; }

    public RetentionOutcome Outcome { get; set; }

    public required string Reason { get; set; }

    /// <summary>The next review date of a retained case; null after a disposal.</summary>
    public DateTime? NextReviewDue { get; set; }

    public DateTime DecidedAt { get; set; }

    public string? DecidedByUserId { get; set; }

    public required string DecidedByName { get; set; }
}
