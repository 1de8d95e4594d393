namespace AsbOps.Domain.Email;

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,

    /// <summary>Given up after the configured time; kept for an administrator to retry.</summary>
    Failed = 3,

    /// <summary>No longer needed before it was sent, e.g. a reminder whose unknown answer was answered.</summary>
    Cancelled = 4,
}
