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

    /// <summary>After this the dispatcher stops retrying and marks the message given up (an administrator may resend it).</summary>
    public DateTime GiveUpAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// When the current run of failed attempts began: set by the first failure, cleared when the message is sent or an
    /// administrator resends it. A message failing for 30 minutes or more is shown on the outbox page and in
    /// <c>/health/ready</c>.
    /// </summary>
    public DateTime? FailingSince { get; set; }

    public DateTime? SentAt { get; set; }

    public int Version { get; set; }
}
