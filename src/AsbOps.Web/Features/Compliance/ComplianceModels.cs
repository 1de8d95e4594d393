using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Features.Compliance;

/// <summary>The live compliance counts of one area (or, for <see cref="ComplianceCounts.Total"/>, the whole scope).</summary>
public sealed record AreaComplianceCounts(
    int? AreaId,
    string AreaCode,
    string AreaName,
    int OpenCases,
    int HighRiskCases,
    int MissingAssessments,
    int UnknownAnswers,
    int OverdueReviews,
    IReadOnlyDictionary<ComplianceRule, int> ByRule)
{
    /// <summary>Cases breaking the rule; for rule 4, the number of unknown answers.</summary>
    public int this[ComplianceRule rule] => ByRule.GetValueOrDefault(rule);
}

/// <summary>The live compliance counts per area of a scope, and their total.</summary>
public sealed record ComplianceCounts(DateTime At, IReadOnlyList<AreaComplianceCounts> Areas, AreaComplianceCounts Total);

/// <summary>One case breaking one rule: what a compliance officer chases.</summary>
public sealed record ComplianceFindingRow(
    ComplianceRule Rule,
    long CaseId,
    string CaseRef,
    string AreaCode,
    string? LeadOfficer,
    DateTime Since,
    int AgeDays,
    string Missing)
{
    public int AreaId { get; init; }
}

/// <summary>
/// One weekly compliance snapshot's counters. Per-area scopes only have the per-rule counts the snapshot keeps
/// (unknown answers, overdue reviews); the other counters are force-wide only and are null there.
/// </summary>
public sealed record SnapshotPoint(
    DateTime TakenAt,
    int? MissingAssessments,
    int? UnknownAnswers,
    int? OverdueReviews,
    int? HighRiskCases,
    int? OpenCases);

/// <summary>
/// The force's "missing an assessment on average at any time" over a period, and each week's; <see cref="CoveredFrom"/>
/// is where the sweep history begins within the period (null when no reading covers it).
/// </summary>
public sealed record ForceFigure(DateTime From, DateTime To, double? Average, IReadOnlyList<WeeklyMissingAverage> Weekly, DateTime? CoveredFrom = null);

/// <summary>What the live compliance page shows for one scope (<see cref="IComplianceQueries.LiveAsync"/>).</summary>
public sealed record ComplianceLive(
    ComplianceCounts Counts, IReadOnlyDictionary<ComplianceRule, IReadOnlyList<ComplianceFindingRow>> Findings, FindingMovement Movement);
