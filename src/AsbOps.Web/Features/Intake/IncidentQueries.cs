using System.Linq.Expressions;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Intake;

/// <summary>Read side of intake: the incident list and one incident, limited to what the user may see.</summary>
public sealed class IncidentQueries(IDbContextFactory<AsbOpsDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    // VictorEScreening.ShouldBeCaseManaged is computed in C#, so the database needs the same rule spelled out.
    private static readonly Expression<Func<Incident, bool>> CaseManaged = i =>
        i.Screening!.HarassmentAlarmDistress
        && (i.Screening.Vulnerable || i.Screening.Impact || i.Screening.CombinedApproach || i.Screening.Targeted
            || i.Screening.Ongoing || i.Screening.Risk || i.Screening.Hate);

    public async Task<PagedResult<IncidentRow>> ListAsync(UserScope scope, IncidentListQuery query, CancellationToken cancellationToken = default)
    {
        if (scope.IsPartner)
        {
            return PagedResult<IncidentRow>.Empty;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incidents = Filter(db.Incidents.AsNoTracking(), scope, query);
        var total = await incidents.CountAsync(cancellationToken);

        var ordered = query.NewestFirst switch
        {
            true => incidents.OrderByDescending(i => i.ReceivedAt),
            false => incidents.OrderBy(i => i.ReceivedAt),
            null => incidents.OrderBy(i => i.Screening == null ? 0 : 1).ThenByDescending(i => i.ReceivedAt),
        };

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var rows = await ordered
            .ThenByDescending(i => i.Id)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(i => new IncidentRow(
                i.Id,
                i.StormRef,
                i.ReceivedAt,
                db.Areas.Where(a => a.Id == i.AreaId).Select(a => a.Code).First(),
                i.Category,
                i.Address,
                i.Postcode,
                i.Thrive.Grade,
                i.Screening == null
                    ? IncidentScreeningState.AwaitingScreening
                    : i.Screening.HarassmentAlarmDistress
                      && (i.Screening.Vulnerable || i.Screening.Impact || i.Screening.CombinedApproach
                          || i.Screening.Targeted || i.Screening.Ongoing || i.Screening.Risk || i.Screening.Hate)
                        ? IncidentScreeningState.CaseManaged
                        : IncidentScreeningState.NotCaseManaged,
                db.Cases.Where(c => c.Id == i.CaseId).Select(c => c.Reference).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new PagedResult<IncidentRow>(rows, total);
    }

    /// <summary>The incident, or null when it does not exist or lies outside the user's area.</summary>
    public async Task<IncidentDetail?> GetAsync(UserScope scope, long id, CancellationToken cancellationToken = default)
    {
        if (scope.IsPartner)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Incidents.AsNoTracking()
            .Where(i => i.Id == id && (scope.RestrictedAreaId == null || i.AreaId == scope.RestrictedAreaId))
            .Select(i => new
            {
                Incident = i,
                i.Screening,
                Area = db.Areas.Where(a => a.Id == i.AreaId).Select(a => new { a.Code, a.Name }).First(),
                CaseRef = db.Cases.Where(c => c.Id == i.CaseId).Select(c => c.Reference).FirstOrDefault(),
                ScreenedBy = db.Users.Where(u => i.Screening != null && u.Id == i.Screening.ScreenedByUserId)
                    .Select(u => u.CollarNumber == null ? u.DisplayName : u.DisplayName + " (" + u.CollarNumber + ")")
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var i = found.Incident;
        return new IncidentDetail(
            i.Id, i.StormRef, i.Source, i.ReceivedAt, found.Area.Code, found.Area.Name, i.Category, i.Address, i.Postcode,
            i.Latitude, i.Longitude, i.Description, i.ReporterName, i.ReporterPhone,
            ToView(i.Thrive),
            found.Screening is { } s ? ToView(s, found.ScreenedBy) : null,
            found.CaseRef);
    }

    /// <summary>
    /// Areas for the list's filter (retired ones too: their incidents stay) or, with <paramref name="openOnly"/>, for a
    /// new incident; an area-restricted user gets only their own.
    /// </summary>
    public async Task<IReadOnlyList<AreaInfo>> AreasAsync(UserScope scope, CancellationToken cancellationToken = default, bool openOnly = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Areas.AsNoTracking()
            .Where(a => scope.RestrictedAreaId == null || a.Id == scope.RestrictedAreaId)
            .Where(a => !openOnly || a.RetiredAt == null)
            .OrderBy(a => a.Code)
            .Select(a => new AreaInfo(a.Id, a.Code, a.Name))
            .ToListAsync(cancellationToken);
    }

    private static IQueryable<Incident> Filter(IQueryable<Incident> incidents, UserScope scope, IncidentListQuery query)
    {
        // An area-restricted user sees their area whatever the query asks for.
        var areaId = scope.RestrictedAreaId ?? query.AreaId;
        if (areaId is { } area)
        {
            incidents = incidents.Where(i => i.AreaId == area);
        }

        incidents = query.State switch
        {
            IncidentScreeningState.AwaitingScreening => incidents.Where(i => i.Screening == null),
            IncidentScreeningState.CaseManaged => incidents.Where(i => i.Screening != null).Where(CaseManaged),
            IncidentScreeningState.NotCaseManaged => incidents.Where(i => i.Screening != null).Where(QueryExpressions.Not(CaseManaged)),
            _ => incidents,
        };

        if (query.Category is { } category)
        {
            incidents = incidents.Where(i => i.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToUpperInvariant();
            var compact = term.Replace(" ", "", StringComparison.Ordinal);
            incidents = incidents.Where(i =>
                i.StormRef.StartsWith(term) || i.Postcode.StartsWith(term) || i.Postcode.Replace(" ", "").StartsWith(compact));
        }

        return incidents;
    }

    private static ThriveView ToView(ThriveAssessment thrive) => new(
        [
            new("Threat", thrive.Threat), new("Harm", thrive.Harm), new("Risk", thrive.Risk),
            new("Investigation", thrive.Investigation), new("Vulnerability", thrive.Vulnerability),
            new("Engagement", thrive.Engagement),
        ],
        thrive.Grade);

    private static ScreeningView ToView(VictorEScreening screening, string? screenedBy) => new(
        screening.ScreenedAt,
        screenedBy ?? "a former user",
        screening.HarassmentAlarmDistress,
        [.. VictorELetters.All.Select(l => new ScreenedLetter(l, l.IsMarked(screening)))],
        screening.ShouldBeCaseManaged,
        screening.Notes);
}
