namespace AsbOps.Domain.Compliance;

/// <summary>Who a missing-assessment chase goes to at each step.</summary>
public enum ChaseStep
{
    LeadOfficer = 1,
    Sergeant = 2,
    Inspector = 3,
}

/// <summary>
/// One step of the chase of one finding (rules 1–3, 5 and 6). (FindingLifeId, Step) is unique: the row is inserted
/// before the email is queued, in the same transaction, so each step goes out once across runs and instances.
/// </summary>
public sealed class FindingChase
{
    public long Id { get; set; }

    public long FindingLifeId { get; set; }

    public long CaseId { get; set; }

    public ChaseStep Step { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime QueuedAt { get; set; }

    public required string RecipientUserId { get; set; }

    public long? OutboxMessageId { get; set; }
}
