using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Retention;

namespace AsbOps.Web.Features.Retention;

/// <summary>A closed case whose retention review is due (or falls due within the period asked for).</summary>
public sealed record RetentionRow(
    long CaseId, string Reference, string AreaCode, AsbCategory Category, DateTime OpenedAt, DateTime ClosedAt, ClosureReason? ClosureReason,
    DateTime ReviewDue, int People, int Decisions, int Version);

/// <summary>An earlier decision on a case, shown beside it.</summary>
public sealed record RetentionHistoryRow(string Reference, RetentionOutcome Outcome, string Reason, DateTime DecidedAt, string DecidedByName, DateTime? NextReviewDue);

/// <summary>A decision to keep a case: why, and when it is next reviewed.</summary>
public sealed class RetainInput
{
    public string? Reason { get; set; }

    public DateTime? NextReviewDue { get; set; }
}

/// <summary>A decision to dispose of a case's personal data: why.</summary>
public sealed class DisposeInput
{
    public string? Reason { get; set; }
}
