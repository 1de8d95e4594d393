using AsbOps.Domain.Incidents;

namespace AsbOps.Domain.CaseReviews;

/// <summary>
/// One report of ASB as the threshold sees it. <see cref="MatterKey"/> names the problem it is about (the case it is
/// linked to), <see cref="LocalityKey"/> where it happened, <see cref="ReporterKey"/> who made it (normalised, so the
/// same person counts once). When the behaviour's own date is not known the report is taken as made at the time.
/// <see cref="LocalityNote"/> says, for a report outside the locality, how far off it is (shown with the verdict).
/// </summary>
public sealed record ThresholdReport(
    long IncidentId,
    string Reference,
    DateTime ReportedAt,
    DateTime? BehaviourAt,
    string? MatterKey,
    string LocalityKey,
    AsbCategory Category,
    string? ReporterKey,
    string? LocalityNote = null);

/// <summary>Whether one report counted towards either limb of the threshold, and in words why or why not.</summary>
public sealed record ThresholdReportVerdict(ThresholdReport Report, bool CountsForMatter, bool CountsForLocality, string Explanation);

/// <summary>The threshold check: which limb (if any) is met, the numbers, and a verdict on every report looked at.</summary>
public sealed record ThresholdResult(
    bool SameMatterMet,
    int SameMatterCount,
    bool LocalityMet,
    int IndividualsCount,
    DateTime WindowStart,
    IReadOnlyList<ThresholdReportVerdict> Verdicts)
{
    public bool Met => SameMatterMet || LocalityMet;
}
