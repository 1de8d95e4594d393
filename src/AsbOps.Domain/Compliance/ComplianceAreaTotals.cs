namespace AsbOps.Domain.Compliance;

/// <summary>The headline counters of one area at a snapshot, so that area trends need no findings.</summary>
public sealed class ComplianceAreaTotals
{
    public long Id { get; set; }

    public long SnapshotId { get; set; }

    public int AreaId { get; set; }

    public int OpenCases { get; set; }

    public int HighRiskCases { get; set; }

    public int MissingAssessments { get; set; }

    public int UnknownAnswers { get; set; }

    public int OverdueReviews { get; set; }
}
