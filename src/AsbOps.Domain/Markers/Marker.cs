using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Markers;

/// <summary>
/// A history marker for the control room: this person or location is high risk, see this case.
/// Active until the risk falls below high or the case closes; then ended, never deleted.
/// </summary>
public sealed class Marker
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public MarkerSubjectType SubjectType { get; set; }

    public long? PersonId { get; set; }

    /// <summary>The person's name or the location's address, as the control room reads it.</summary>
    public required string Subject { get; set; }

    public string? Address { get; set; }

    public string? Postcode { get; set; }

    public RiskLevel RiskLevel { get; set; } = RiskLevel.High;

    public DateTime PlacedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public string? EndReason { get; set; }

    public bool IsActive => EndedAt is null;

    public void End(DateTime at, string reason)
    {
        if (EndedAt is not null)
        {
            return;
        }

        EndedAt = at;
        EndReason = reason;
    }
}
