namespace AsbOps.Domain.Risk;

/// <summary>Where a professional-judgement level stands. Lowering a computed high waits for a sergeant.</summary>
public enum OverrideApproval
{
    None = 0,
    NotRequired = 1,
    Pending = 2,
    Approved = 3,
    Rejected = 4,
}
