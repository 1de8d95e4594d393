using AsbOps.Web.Features.Dashboard;

namespace AsbOps.Web.Features.Dashboard.Feed;

/// <summary>Cuts force-wide counters down to one area, sums and merges areas, and tells whether the numbers moved.</summary>
public static class OpsCountersView
{
    /// <summary>
    /// <paramref name="previous"/> with the areas counted again in <paramref name="recounted"/> put in their place (an
    /// area a recount no longer names is dropped, one it adds goes at the end) and the force-wide numbers summed again.
    /// </summary>
    public static OpsCounters Merge(OpsCounters previous, IReadOnlyDictionary<string, AreaCounters?> recounted, DateTime at)
    {
        var byArea = new Dictionary<string, AreaCounters>(previous.ByArea, StringComparer.Ordinal);
        foreach (var (code, area) in recounted)
        {
            if (area is null)
            {
                byArea.Remove(code);
            }
            else
            {
                byArea[code] = area;
            }
        }

        return OpsCounters.FromAreas(at, byArea);
    }

    /// <summary>One area's numbers at the top level, and <c>byArea</c> with only that area.</summary>
    public static OpsCounters ForArea(OpsCounters all, string areaCode)
    {
        var area = all.ByArea.GetValueOrDefault(areaCode) ?? new AreaCounters(0, 0, 0, 0, 0, 0);
        return new OpsCounters(all.At, area.AwaitingScreening, area.OpenCases, area.HighRiskCases, area.MissingAssessments,
            area.UnknownAnswers, area.OverdueReviews, new Dictionary<string, AreaCounters>(StringComparer.Ordinal) { [areaCode] = area })
        {
            OverdueContacts = area.OverdueContacts,
            CaseReviewsDue = area.CaseReviewsDue,
        };
    }

    /// <summary>True when every number, force-wide and per area, is the same (the time they were counted is ignored).</summary>
    public static bool SameNumbers(OpsCounters a, OpsCounters b) =>
        a.AwaitingScreening == b.AwaitingScreening
        && a.OpenCases == b.OpenCases
        && a.HighRiskCases == b.HighRiskCases
        && a.MissingAssessments == b.MissingAssessments
        && a.UnknownAnswers == b.UnknownAnswers
        && a.OverdueReviews == b.OverdueReviews
        && a.OverdueContacts == b.OverdueContacts
        && a.CaseReviewsDue == b.CaseReviewsDue
        && a.ByArea.Count == b.ByArea.Count
        && a.ByArea.All(pair => b.ByArea.TryGetValue(pair.Key, out var other) && other == pair.Value);
}
