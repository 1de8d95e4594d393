namespace AsbOps.Domain.Jobs;

public enum JobOutcome
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
}
