namespace AsbOps.Domain.ActionPlans;

public enum ActionStatus
{
    Planned = 1,
    InProgress = 2,
    Done = 3,
    Cancelled = 4,
}
