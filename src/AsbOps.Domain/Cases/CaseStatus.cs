namespace AsbOps.Domain.Cases;

public enum CaseStatus
{
    Open = 1,
    UnderReview = 2,
    Closed = 3,
}
