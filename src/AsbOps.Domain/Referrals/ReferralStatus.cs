namespace AsbOps.Domain.Referrals;

public enum ReferralStatus
{
    Sent = 1,
    Accepted = 2,
    Declined = 3,
    Closed = 4,
}
