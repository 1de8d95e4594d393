namespace AsbOps.Domain.Compliance;

/// <summary>How many cases of one area broke one rule at a snapshot.</summary>
public sealed class ComplianceSnapshotCount
{
    public long Id { get; set; }

    public long SnapshotId { get; set; }

    public int AreaId { get; set; }

    public ComplianceRule Rule { get; set; }

    public int Count { get; set; }
}
