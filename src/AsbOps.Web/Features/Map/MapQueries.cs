using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Map;

/// <summary>
/// The points of the map, within the one scope rule of the UI, the API and the hub: area staff their own area's
/// incidents (<see cref="UserScope.RestrictedAreaId"/>) and cases (<see cref="CaseAccess.VisibleTo"/>), force-wide
/// roles every area. Partners get nothing: incidents are never shared with them, and the page is not theirs.
/// An incident is coloured by its case's risk level, or "not assessed" when it has no case; an open case stands at its
/// latest incident that has coordinates.
/// </summary>
public sealed class MapQueries(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>At most this many incidents are drawn (the newest); the page says so when there were more.</summary>
    public const int IncidentCap = 5000;

    /// <summary>At most this many open cases are drawn.</summary>
    public const int CaseCap = 3000;

    /// <summary>How many incidents without coordinates are listed by name (all are counted).</summary>
    public const int UnplacedListed = 50;

    public async Task<MapData> ForAsync(UserScope user, MapFilter filter, CancellationToken cancellationToken = default)
    {
        if (!MaySee(user))
        {
            return MapData.Empty;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Code, cancellationToken);
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-filter.Days);

        var incidents = db.Incidents.AsNoTracking().Where(i => i.ReceivedAt >= since);
        if (user.RestrictedAreaId is { } areaId)
        {
            incidents = incidents.Where(i => i.AreaId == areaId);
        }

        if (filter.Categories.Count > 0)
        {
            var categories = filter.Categories.ToList();
            incidents = incidents.Where(i => categories.Contains(i.Category));
        }

        var rows = incidents.Select(i => new IncidentRow
        {
            Id = i.Id,
            StormRef = i.StormRef,
            Latitude = i.Latitude,
            Longitude = i.Longitude,
            Category = i.Category,
            ReceivedAt = i.ReceivedAt,
            Address = i.Address,
            Postcode = i.Postcode,
            AreaId = i.AreaId,
            CaseReference = db.Cases.Where(c => c.Id == i.CaseId).Select(c => c.Reference).FirstOrDefault(),
            Risk = db.Cases.Where(c => c.Id == i.CaseId).Select(c => (RiskLevel?)c.RiskLevel).FirstOrDefault() ?? RiskLevel.NotAssessed,
        });
        if (filter.Levels.Count > 0)
        {
            var levels = filter.Levels.ToList();
            rows = rows.Where(r => levels.Contains(r.Risk));
        }

        var placed = await rows.Where(r => r.Latitude != null && r.Longitude != null)
            .OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id)
            .Take(IncidentCap + 1)
            .ToListAsync(cancellationToken);
        var unplacedRows = rows.Where(r => r.Latitude == null || r.Longitude == null);
        var unplacedCount = await unplacedRows.CountAsync(cancellationToken);
        var unplaced = await unplacedRows.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id)
            .Take(UnplacedListed)
            .ToListAsync(cancellationToken);

        var cases = db.Cases.AsNoTracking().VisibleTo(db, user).Where(CaseStanding.IsOpen);
        if (filter.Categories.Count > 0)
        {
            var categories = filter.Categories.ToList();
            cases = cases.Where(c => categories.Contains(c.Category));
        }

        if (filter.Levels.Count > 0)
        {
            var levels = filter.Levels.ToList();
            cases = cases.Where(c => levels.Contains(c.RiskLevel));
        }

        var caseRows = await cases
            .Select(c => new
            {
                c.Id,
                c.Reference,
                c.Category,
                c.RiskLevel,
                c.OpenedAt,
                c.Address,
                c.AreaId,
                Lat = db.Incidents.Where(i => i.CaseId == c.Id && i.Latitude != null && i.Longitude != null)
                    .OrderByDescending(i => i.ReceivedAt).Select(i => i.Latitude).FirstOrDefault(),
                Lon = db.Incidents.Where(i => i.CaseId == c.Id && i.Latitude != null && i.Longitude != null)
                    .OrderByDescending(i => i.ReceivedAt).Select(i => i.Longitude).FirstOrDefault(),
            })
            .OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);

        var casePoints = caseRows.Where(c => c.Lat is not null && c.Lon is not null)
            .Take(CaseCap)
            .Select(c => new MapPoint("case", c.Id, c.Lat!.Value, c.Lon!.Value, CaseDisplay.Key(c.RiskLevel), CaseDisplay.LevelWord(c.RiskLevel),
                Key(c.Category), areas.GetValueOrDefault(c.AreaId, ""), $"Case {c.Reference}",
                $"{CaseDisplay.Words(c.Category)} · opened {CaseDisplay.Date(c.OpenedAt)} · {c.Address}", $"/cases/{c.Reference}"))
            .ToList();

        return new MapData(
            placed.Take(IncidentCap).Select(r => new MapPoint("incident", r.Id, r.Latitude!.Value, r.Longitude!.Value, CaseDisplay.Key(r.Risk),
                CaseDisplay.LevelWord(r.Risk), Key(r.Category), areas.GetValueOrDefault(r.AreaId, ""),
                r.CaseReference is null ? $"Incident {r.StormRef}" : $"Incident {r.StormRef} · case {r.CaseReference}",
                $"{CaseDisplay.Words(r.Category)} · {CaseDisplay.DateAndTime(r.ReceivedAt)} · {r.Address}", Href(r))).ToList(),
            casePoints,
            placed.Count > IncidentCap,
            unplacedCount,
            unplaced.Select(r => new UnplacedIncident(r.Id, r.StormRef, r.Address, r.Postcode, r.ReceivedAt, r.Risk, Href(r))).ToList(),
            caseRows.Count(c => c.Lat is null || c.Lon is null));
    }

    /// <summary>Area staff and force-wide roles; not partners, nor anyone without a role.</summary>
    public static bool MaySee(UserScope user) =>
        !user.IsPartner && (user.IsForceWide || user.Role is Roles.Officer or Roles.Sergeant or Roles.Inspector);

    private static string Key(AsbCategory category) => category.ToString().ToLowerInvariant();

    private static string Href(IncidentRow row) => row.CaseReference is null ? $"/incidents/{row.Id}" : $"/cases/{row.CaseReference}";

    private sealed class IncidentRow
    {
        public long Id { get; init; }

        public string StormRef { get; init; } = "";

        public double? Latitude { get; init; }

        public double? Longitude { get; init; }

        public AsbCategory Category { get; init; }

        public DateTime ReceivedAt { get; init; }

        public string Address { get; init; } = "";

        public string Postcode { get; init; } = "";

        public int AreaId { get; init; }

        public string? CaseReference { get; init; }

        public RiskLevel Risk { get; init; }
    }
}
