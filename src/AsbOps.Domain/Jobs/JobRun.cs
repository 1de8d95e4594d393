namespace AsbOps.Domain.Jobs;

/// <summary>One run of a scheduled job, for the administrators' jobs page.</summary>
public sealed class JobRun
{
    public long Id { get; set; }

    public required string Job { get; set; }

    public required string Instance { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public JobOutcome Outcome { get; set; }

    /// <summary>What the run did ("3 reminders queued") or why it failed.</summary>
    public string? Detail { get; set; }
}
