using AsbOps.Domain.Incidents;

namespace AsbOps.Domain.CaseReviews;

/// <summary>
/// The local threshold for an ASB Case Review, as a plain function: given the application (when, about which matter,
/// where, what kind of ASB) and the reports AsbOps holds, says which limb is met and why each report did or did not
/// count. Limb one: <see cref="CaseReviewThreshold.SameMatterReports"/> reports about the matter in the window, each
/// made within <see cref="CaseReviewThreshold.ReportWithinMonths"/> of the behaviour. Limb two:
/// <see cref="CaseReviewThreshold.IndividualsInLocality"/> different people reporting similar ASB in the same locality.
/// </summary>
public static class CaseReviewThresholdCheck
{
    public static ThresholdResult Evaluate(
        CaseReviewThreshold threshold,
        DateTime applicationAt,
        string? matterKey,
        string localityKey,
        AsbCategory category,
        IEnumerable<ThresholdReport> reports)
    {
        var windowStart = applicationAt.AddMonths(-threshold.WindowMonths);
        var reporters = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var verdicts = new List<ThresholdReportVerdict>();
        foreach (var report in reports.OrderBy(r => r.ReportedAt).ThenBy(r => r.IncidentId))
        {
            var outside = OutsideWindow(report, windowStart, applicationAt, threshold.WindowMonths);
            var late = outside ?? LateReport(report, threshold.ReportWithinMonths);
            var forMatter = late is null && matterKey is not null && report.MatterKey == matterKey;
            var localityReason = outside ?? LocalityReason(report, localityKey, category, reporters);
            var forLocality = localityReason is null;
            if (forLocality)
            {
                reporters.Add(report.ReporterKey!);
            }

            verdicts.Add(new(report, forMatter, forLocality, Explain(report, matterKey, forMatter, forLocality, late, localityReason)));
        }

        var matterCount = verdicts.Count(v => v.CountsForMatter);
        return new ThresholdResult(
            matterCount >= threshold.SameMatterReports,
            matterCount,
            reporters.Count >= threshold.IndividualsInLocality,
            reporters.Count,
            windowStart,
            verdicts);
    }

    private static string? OutsideWindow(ThresholdReport report, DateTime windowStart, DateTime applicationAt, int months)
    {
        if (report.ReportedAt > applicationAt)
        {
            return "Reported after the application.";
        }

        return report.ReportedAt < windowStart
            ? $"Reported on {report.ReportedAt:d MMM yyyy}, before the {months}-month window began ({windowStart:d MMM yyyy})."
            : null;
    }

    private static string? LateReport(ThresholdReport report, int withinMonths)
    {
        // Whole days: a report made on the same day of the month after the behaviour is still within a month.
        if (report.BehaviourAt is not { } behaviour
            || DateOnly.FromDateTime(report.ReportedAt) <= DateOnly.FromDateTime(behaviour).AddMonths(withinMonths))
        {
            return null;
        }

        var days = (int)(report.ReportedAt.Date - behaviour.Date).TotalDays;
        var period = withinMonths == 1 ? "a month" : $"{withinMonths} months";
        return $"Reported more than {period} after the behaviour ({behaviour:d MMM yyyy}; reported {days} days later).";
    }

    private static string? LocalityReason(ThresholdReport report, string localityKey, AsbCategory category, HashSet<string> counted)
    {
        if (!string.Equals(report.LocalityKey, localityKey, StringComparison.OrdinalIgnoreCase))
        {
            return report.LocalityNote is { } note ? $"In another locality ({note})." : "In another locality.";
        }

        if (report.Category != category)
        {
            return $"A different kind of ASB ({report.Category}).";
        }

        if (string.IsNullOrWhiteSpace(report.ReporterKey))
        {
            return "No reporter recorded, so it cannot count as another individual.";
        }

        return counted.Contains(report.ReporterKey) ? "The same individual was already counted." : null;
    }

    private static string Explain(ThresholdReport report, string? matterKey, bool forMatter, bool forLocality, string? late, string? localityReason)
    {
        if (forMatter && forLocality)
        {
            return "Counted: about this matter, and another individual in the locality.";
        }

        if (forMatter)
        {
            return "Counted: about this matter, made within time.";
        }

        var matterReason = late ?? (matterKey is null || report.MatterKey != matterKey ? "About a different matter." : null);
        if (forLocality)
        {
            return $"Counted as another individual reporting similar ASB in the locality. Not for the matter: {matterReason}";
        }

        return matterReason == localityReason || localityReason is null
            ? $"Not counted: {matterReason}"
            : $"Not counted: {matterReason} {localityReason}";
    }
}
