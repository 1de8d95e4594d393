namespace AsbOps.Domain.Email;

/// <summary>An email waiting to be sent (or sent). <see cref="DedupKey"/> is unique so one event queues one email.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string DedupKey { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    public string? AttachmentName { get; set; }

    public byte[]? AttachmentContent { get; set; }

    public long? CaseId { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    /// <summary>After this the dispatcher stops retrying and marks the message failed (an administrator may retry it).</summary>
    public DateTime GiveUpAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentAt { get; set; }

    public int Version { get; set; }
}
