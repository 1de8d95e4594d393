namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The live operations counters, shaped as the hub's <c>CountersChanged</c> payload of integration.md:
/// <c>{ at, awaitingScreening, openCases, highRiskCases, missingAssessments, unknownAnswers, overdueReviews, byArea: { CODE: { … } } }</c>,
/// and <c>overdueContacts</c>, <c>caseReviewsDue</c>.
/// </summary>
public sealed record OpsCounters(
    DateTime At,
    int AwaitingScreening,
    int OpenCases,
    int HighRiskCases,
    int MissingAssessments,
    int UnknownAnswers,
    int OverdueReviews,
    IReadOnlyDictionary<string, AreaCounters> ByArea)
{
    /// <summary>Victims on open cases whose agreed contact is overdue (added after the first contract: a property, so payloads only grow).</summary>
    public int OverdueContacts { get; init; }

    /// <summary>ASB Case Review applications whose clock is running or overdue (added: a property, so payloads only grow).</summary>
    public int CaseReviewsDue { get; init; }

    /// <summary>Force-wide counters as the sums of their areas (the areas keep their order).</summary>
    public static OpsCounters FromAreas(DateTime at, IReadOnlyDictionary<string, AreaCounters> byArea)
    {
        var areas = byArea.Values;
        return new OpsCounters(at, areas.Sum(a => a.AwaitingScreening), areas.Sum(a => a.OpenCases), areas.Sum(a => a.HighRiskCases),
            areas.Sum(a => a.MissingAssessments), areas.Sum(a => a.UnknownAnswers), areas.Sum(a => a.OverdueReviews), byArea)
        {
            OverdueContacts = areas.Sum(a => a.OverdueContacts),
            CaseReviewsDue = areas.Sum(a => a.CaseReviewsDue),
        };
    }
}

/// <summary>The counters of one area, keyed by its code in <see cref="OpsCounters.ByArea"/>.</summary>
public sealed record AreaCounters(
    int AwaitingScreening,
    int OpenCases,
    int HighRiskCases,
    int MissingAssessments,
    int UnknownAnswers,
    int OverdueReviews)
{
    /// <inheritdoc cref="OpsCounters.OverdueContacts"/>
    public int OverdueContacts { get; init; }

    /// <inheritdoc cref="OpsCounters.CaseReviewsDue"/>
    public int CaseReviewsDue { get; init; }
}
