namespace AsbOps.Domain.Compliance;

/// <summary>The counts of one compliance sweep (or the weekly check), per area and rule, with its findings.</summary>
public sealed class ComplianceSnapshot
{
    public long Id { get; set; }

    public DateTime TakenAt { get; set; }

    /// <summary>True for the weekly compliance check's snapshot.</summary>
    public bool IsWeekly { get; set; }

    /// <summary>The ISO week of a weekly snapshot (<c>2026-W09</c>), unique, so each week is checked once; null for sweeps.</summary>
    public string? IsoWeek { get; set; }

    public int OpenCases { get; set; }

    public int HighRiskCases { get; set; }

    /// <summary>The headline: open cases breaking rule 1, 2 or 3.</summary>
    public int MissingAssessments { get; set; }

    public int UnknownAnswers { get; set; }

    public int OverdueReviews { get; set; }

    public List<ComplianceSnapshotCount> Counts { get; set; } = [];

    public List<ComplianceFinding> Findings { get; set; } = [];

    public List<ComplianceAreaTotals> AreaTotals { get; set; } = [];
}
