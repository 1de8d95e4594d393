namespace AsbOps.Domain.Audit;

/// <summary>Who did what, when; before → after for changes. Written by the app, never changed by it.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public required string UserName { get; set; }

    public AuditAction Action { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public long? CaseId { get; set; }

    /// <summary>JSON of changed properties: { "Name": { "from": …, "to": … } }.</summary>
    public string? Changes { get; set; }
}
