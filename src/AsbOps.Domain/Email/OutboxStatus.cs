namespace AsbOps.Domain.Email;

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,

    /// <summary>
    /// Given up after the give-up time (7 days of retries by default); kept and shown for an administrator to resend,
    /// never dropped.
    /// </summary>
    GivenUp = 3,

    /// <summary>No longer needed before it was sent, e.g. a reminder whose unknown answer was answered.</summary>
    Cancelled = 4,
}
