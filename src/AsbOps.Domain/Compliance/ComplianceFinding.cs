namespace AsbOps.Domain.Compliance;

/// <summary>One case breaking one rule at a snapshot, with what is missing and how long for.</summary>
public sealed class ComplianceFinding
{
    public long Id { get; set; }

    public long SnapshotId { get; set; }

    public long CaseId { get; set; }

    public int AreaId { get; set; }

    public ComplianceRule Rule { get; set; }

    public required string Detail { get; set; }

    public DateTime Since { get; set; }
}
