namespace AsbOps.Domain.Jobs;

/// <summary>A lease on a named job: the instance holding it runs the job; it lapses at <see cref="ExpiresAt"/>.</summary>
public sealed class JobLease
{
    public required string Key { get; set; }

    public required string Owner { get; set; }

    public DateTime ExpiresAt { get; set; }
}
