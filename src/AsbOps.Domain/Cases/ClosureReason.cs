namespace AsbOps.Domain.Cases;

public enum ClosureReason
{
    Resolved = 1,
    NoFurtherAction = 2,
    VictimDeclinedSupport = 3,
    TransferredToPartner = 4,
    MergedIntoAnotherCase = 5,
}
