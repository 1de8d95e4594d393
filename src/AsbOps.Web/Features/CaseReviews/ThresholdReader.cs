using System.Globalization;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Places;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>
/// Gathers the reports the threshold check looks at and runs it: the reports the applicant relies on, the incidents of
/// the case the application is about, and the area's incidents in the same locality within the window. The matter is
/// the case (or, without one, the case of the first report relied on); a report relied on that belongs to no case is
/// taken as about the matter. A report relied on carries the date of the behaviour when one was given. A reporter is
/// known by phone, else name. The locality is set by <see cref="LocalityRule"/>.
/// </summary>
public static class ThresholdReader
{
    public const int MaxLocalityReports = 500;

    private const string InLocality = "locality";

    public sealed record Row(long Id, string StormRef, DateTime ReceivedAt, long? CaseId, string? CaseRef, string Postcode,
        Domain.Incidents.AsbCategory Category, string? ReporterName, string? ReporterPhone, double? Latitude, double? Longitude);

    /// <summary>
    /// What "the same locality" means for one application: within <see cref="Metres"/> of <see cref="Centre"/> (where a
    /// report relied on, or else the case's first report, was made) for reports placed on the map; otherwise, and for
    /// reports without coordinates, the same postcode sector.
    /// </summary>
    public sealed record LocalityRule(string Sector, int Metres, Row? Centre, string CentreWhat)
    {
        public bool Contains(Row report, out string? note)
        {
            if (Centre is { Latitude: { } lat, Longitude: { } lon } && report is { Latitude: { } rLat, Longitude: { } rLon })
            {
                var metres = GeoDistance.Metres(lat, lon, rLat, rLon);
                note = metres <= Metres ? null : string.Create(CultureInfo.InvariantCulture, $"{metres:0} m away");
                return note is null;
            }

            var sector = ThresholdReader.Sector(report.Postcode);
            note = string.Equals(sector, Sector, StringComparison.OrdinalIgnoreCase) ? null : $"postcode sector {sector}";
            return note is null;
        }

        public string Describe() => Centre is null
            ? $"the same postcode sector ({Sector}): no report relied on or of the case carries a map location"
            : $"within {Metres} m of {Centre.StormRef} ({CentreWhat}); reports without a map location by postcode sector ({Sector})";
    }

    public static async Task<ThresholdView> CheckAsync(
        AsbOpsDbContext db, CaseReviewApplication application, CaseReviewThreshold threshold, CancellationToken cancellationToken)
    {
        var relied = application.ReliedOn.GroupBy(r => r.IncidentId).ToDictionary(g => g.Key, g => g.First().BehaviourOn);
        var reliedIds = relied.Keys.ToHashSet();
        var windowStart = application.ReceivedAt.AddMonths(-threshold.WindowMonths);
        var incidents = db.Incidents.AsNoTracking();
        var rows = await Project(db, incidents.Where(i => reliedIds.Contains(i.Id)
                || (application.CaseId != null && i.CaseId == application.CaseId)))
            .ToListAsync(cancellationToken);
        var locality = Locality(application, threshold, rows, reliedIds);
        var nearby = await Project(db, Nearby(incidents, application, windowStart, locality)
                .OrderByDescending(i => i.ReceivedAt)
                .Take(MaxLocalityReports))
            .ToListAsync(cancellationToken);
        var all = rows.Concat(nearby).DistinctBy(r => r.Id).ToList();

        var matterCase = application.CaseId ?? all.Where(r => reliedIds.Contains(r.Id)).OrderBy(r => r.ReceivedAt).Select(r => r.CaseId).FirstOrDefault(c => c != null);
        var matterKey = matterCase?.ToString(CultureInfo.InvariantCulture) ?? (reliedIds.Count > 0 ? "relied" : null);
        var reports = all.Select(r =>
        {
            var inLocality = locality.Contains(r, out var note);
            return new ThresholdReport(
                r.Id, r.StormRef, r.ReceivedAt,
                relied.TryGetValue(r.Id, out var behaviourOn) && behaviourOn is { } on ? on.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
                r.CaseId is { } c ? c.ToString(CultureInfo.InvariantCulture) : reliedIds.Contains(r.Id) ? matterKey : null,
                inLocality ? InLocality : "elsewhere", r.Category, ReporterKey(r.ReporterName, r.ReporterPhone), note);
        });
        var result = CaseReviewThresholdCheck.Evaluate(threshold, application.ReceivedAt, matterKey, InLocality, application.Category, reports);
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
                    v.CountsForLocality, v.Explanation)
                {
                    BehaviourOn = relied.GetValueOrDefault(v.Report.IncidentId),
                })
                .ToList())
        {
            LocalityRule = locality.Describe(),
        };
    }

    /// <summary>The postcode district (outward code): "LE11 1AA" → "LE11".</summary>
    public static string District(string postcode) => postcode.Trim().Split(' ')[0].ToUpperInvariant();

    /// <summary>The postcode sector (outward code and the inward code's digit): "LE11 3AB" → "LE11 3"; a partial postcode as given.</summary>
    public static string Sector(string postcode) =>
        Postcode.Normalise(postcode) is { } normal ? normal[..^2] : postcode.Trim().ToUpperInvariant();

    /// <summary>The same person is the same key (see <see cref="RepeatVictimReport.Key"/>).</summary>
    public static string? ReporterKey(string? name, string? phone) => RepeatVictimReport.Key(name, phone);

    private static LocalityRule Locality(CaseReviewApplication application, CaseReviewThreshold threshold, List<Row> rows, HashSet<long> reliedIds)
    {
        var sector = Sector(application.Postcode);
        if (threshold.LocalityMetres <= 0)
        {
            return new LocalityRule(sector, 0, null, "");
        }

        static bool Placed(Row r) => r.Latitude is not null && r.Longitude is not null;
        var relied = rows.Where(r => reliedIds.Contains(r.Id) && Placed(r)).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).FirstOrDefault();
        if (relied is not null)
        {
            return new LocalityRule(sector, threshold.LocalityMetres, relied, "the first report relied on with a map location");
        }

        var ofCase = rows.Where(r => application.CaseId != null && r.CaseId == application.CaseId && Placed(r))
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).FirstOrDefault();
        return ofCase is null
            ? new LocalityRule(sector, threshold.LocalityMetres, null, "")
            : new LocalityRule(sector, threshold.LocalityMetres, ofCase, "the case's first report with a map location");
    }

    /// <summary>The area's reports in the window that may be in the locality: the same sector, or in a box around the centre.</summary>
    private static IQueryable<Domain.Incidents.Incident> Nearby(
        IQueryable<Domain.Incidents.Incident> incidents, CaseReviewApplication application, DateTime windowStart, LocalityRule locality)
    {
        var inWindow = incidents.Where(i => i.AreaId == application.AreaId && i.ReceivedAt >= windowStart && i.ReceivedAt <= application.ReceivedAt);
        var sectorPrefix = locality.Sector;
        if (locality.Centre is not { Latitude: { } lat, Longitude: { } lon })
        {
            return inWindow.Where(i => i.Postcode.StartsWith(sectorPrefix));
        }

        // Twice the radius, so that reports just outside it are shown with their distance as not counted.
        var (dLat, dLon) = GeoDistance.Span(lat, 2 * locality.Metres);
        var (south, north, west, east) = (lat - dLat, lat + dLat, lon - dLon, lon + dLon);
        return inWindow.Where(i => (i.Latitude == null || i.Longitude == null ? i.Postcode.StartsWith(sectorPrefix)
            : i.Latitude >= south && i.Latitude <= north && i.Longitude >= west && i.Longitude <= east));
    }

    private static IQueryable<Row> Project(AsbOpsDbContext db, IQueryable<Domain.Incidents.Incident> incidents) =>
        from i in incidents
        join c in db.Cases on i.CaseId equals c.Id into cases
        from c in cases.DefaultIfEmpty()
        select new Row(i.Id, i.StormRef, i.ReceivedAt, i.CaseId, c == null ? null : c.Reference, i.Postcode, i.Category, i.ReporterName,
            i.ReporterPhone, i.Latitude, i.Longitude);
}
