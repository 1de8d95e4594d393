namespace AsbOps.Domain.Alerts;

/// <summary>An in-app alert for one user, such as a case becoming high risk in their area.</summary>
public sealed class Alert
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public long? CaseId { get; set; }

    public required string Kind { get; set; }

    public required string Message { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
