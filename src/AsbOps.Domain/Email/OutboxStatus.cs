namespace AsbOps.Domain.Email;

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,

    /// <summary>Given up after the configured time; kept for an administrator to retry.</summary>
    Failed = 3,
}
