using AsbOps.Domain.CaseReviews;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>
/// Gathers the reports the threshold check looks at and runs it: the reports the applicant relies on, the incidents of
/// the case the application is about, and the area's incidents in the same postcode district within the window. The
/// matter is the case (or, without one, the case of the first report relied on); a report relied on that belongs to no
/// case is taken as about the matter. The locality is the postcode district; a reporter is known by phone, else name.
/// </summary>
public static class ThresholdReader
{
    public const int MaxLocalityReports = 500;

    public sealed record Row(long Id, string StormRef, DateTime ReceivedAt, long? CaseId, string? CaseRef, string Postcode,
        Domain.Incidents.AsbCategory Category, string? ReporterName, string? ReporterPhone);

    public static async Task<ThresholdView> CheckAsync(
        AsbOpsDbContext db, CaseReviewApplication application, CaseReviewThreshold threshold, CancellationToken cancellationToken)
    {
        var reliedIds = application.ReliedOn.Select(r => r.IncidentId).ToHashSet();
        var district = District(application.Postcode);
        var windowStart = application.ReceivedAt.AddMonths(-threshold.WindowMonths);
        var incidents = db.Incidents.AsNoTracking();
        var rows = await Project(db, incidents.Where(i => reliedIds.Contains(i.Id)
                || (application.CaseId != null && i.CaseId == application.CaseId)))
            .ToListAsync(cancellationToken);
        var nearby = await Project(db, incidents.Where(i => i.AreaId == application.AreaId
                && i.ReceivedAt >= windowStart && i.ReceivedAt <= application.ReceivedAt
                && i.Postcode.StartsWith(district + " "))
                .OrderByDescending(i => i.ReceivedAt)
                .Take(MaxLocalityReports))
            .ToListAsync(cancellationToken);
        var all = rows.Concat(nearby).DistinctBy(r => r.Id).ToList();

        var matterCase = application.CaseId ?? all.Where(r => reliedIds.Contains(r.Id)).OrderBy(r => r.ReceivedAt).Select(r => r.CaseId).FirstOrDefault(c => c != null);
        var matterKey = matterCase?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (reliedIds.Count > 0 ? "relied" : null);
        var reports = all.Select(r => new ThresholdReport(
            r.Id, r.StormRef, r.ReceivedAt, null,
            r.CaseId is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : reliedIds.Contains(r.Id) ? matterKey : null,
            District(r.Postcode), r.Category, ReporterKey(r.ReporterName, r.ReporterPhone)));
        var result = CaseReviewThresholdCheck.Evaluate(threshold, application.ReceivedAt, matterKey, district, application.Category, reports);
        var byId = all.ToDictionary(r => r.Id);
        var overriddenBy = application.OverriddenByUserId is { } userId
            ? await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new ThresholdView(
            result.SameMatterMet, result.SameMatterCount, threshold.SameMatterReports, result.LocalityMet, result.IndividualsCount,
            threshold.IndividualsInLocality, result.WindowStart, result.Met, application.ThresholdOverride, application.OverrideReason,
            overriddenBy, application.OverriddenAt,
            result.Verdicts
                .OrderByDescending(v => v.CountsForMatter || v.CountsForLocality).ThenBy(v => v.Report.ReportedAt)
                .Select(v => new ThresholdReportView(v.Report.IncidentId, v.Report.Reference, v.Report.ReportedAt, byId[v.Report.IncidentId].CaseRef,
                    byId[v.Report.IncidentId].Postcode, v.Report.Category, reliedIds.Contains(v.Report.IncidentId), v.CountsForMatter,
                    v.CountsForLocality, v.Explanation))
                .ToList());
    }

    /// <summary>The postcode district (outward code): "LE11 1AA" → "LE11".</summary>
    public static string District(string postcode) => postcode.Trim().Split(' ')[0].ToUpperInvariant();

    /// <summary>The same person is the same key: their phone's digits when known, else their name in lower case.</summary>
    public static string? ReporterKey(string? name, string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsDigit).ToArray());
        if (digits.Length >= 6)
        {
            return "tel:" + digits;
        }

        return string.IsNullOrWhiteSpace(name) ? null : "name:" + string.Join(' ', name.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static IQueryable<Row> Project(AsbOpsDbContext db, IQueryable<Domain.Incidents.Incident> incidents) =>
        from i in incidents
        join c in db.Cases on i.CaseId equals c.Id into cases
        from c in cases.DefaultIfEmpty()
        select new Row(i.Id, i.StormRef, i.ReceivedAt, i.CaseId, c == null ? null : c.Reference, i.Postcode, i.Category, i.ReporterName, i.ReporterPhone);
}
