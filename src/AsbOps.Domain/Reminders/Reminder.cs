namespace AsbOps.Domain.Reminders;

/// <summary>
/// One step of the unknown-answer reminder schedule for one assessment. (AssessmentId, Step) is unique, so a
/// step is recorded, and its email queued, exactly once.
/// </summary>
public sealed class Reminder
{
    public long Id { get; set; }

    public long AssessmentId { get; set; }

    public long CaseId { get; set; }

    /// <summary>The schedule day this step stands for (4, 7, 10, 14, 21 …).</summary>
    public int Step { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime QueuedAt { get; set; }

    public required string RecipientUserId { get; set; }

    public long? OutboxMessageId { get; set; }
}
