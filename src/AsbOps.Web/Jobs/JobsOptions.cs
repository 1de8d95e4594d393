namespace AsbOps.Web.Jobs;

/// <summary>Section <c>Jobs</c>: whether this instance runs the scheduled jobs, and how often.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public bool Enabled { get; set; } = true;

    public int OutboxEverySeconds { get; set; } = 15;
}
