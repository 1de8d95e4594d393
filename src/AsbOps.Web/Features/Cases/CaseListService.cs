using System.Linq.Expressions;
using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// Set-based case list: the page with its total, then the page's people, scoped by <see cref="CaseAccess"/>.
/// Unknown filter values give an empty result with a message rather than an exception.
/// </summary>
public sealed class CaseListService(IReadContextPool contexts) : ICaseListService
{
    private const int PeopleShownPerRow = 3;

    /// <summary>
    /// Counting stops past this many matches (or past the page asked for, if later): an exact count of a force's
    /// 438,200 cases took longer than the page itself, and "more than 10,000" tells a reader as much.
    /// </summary>
    public const int CountLimit = 10_000;

    public async Task<CaseListResult> SearchAsync(UserScope user, CaseListQuery query, CancellationToken cancellationToken = default)
    {
        var (filter, error) = CaseListFilter.Parse(query);
        if (filter is null)
        {
            return CaseListResult.Empty(error);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, CaseListQuery.MaxPageSize);
        var page = Math.Max(0, query.Page);
        await using var db = contexts.Lease();

        // Two statements on one connection: the page with the total, then the page's people. The page's ids are picked
        // first and only those cases are projected (with the projection in the same SELECT as the ORDER BY … LIMIT,
        // SQLite worked out every matching case's columns before sorting and cutting the page); the total is an
        // uncorrelated subquery, counted once (up to a limit). A separate count, and a connection taken from the pool
        // (with its pragmas) for each statement, cost more in EF Core's overhead than a filtered page's SQL itself. The
        // list as it opens (newest first, no search or role) is a compiled query (CaseListCompiledQueries), and the LINQ
        // filter is built only for the other orders. Microsoft.Data.Sqlite runs every call synchronously, its async ones
        // too, so on SQLite the statements are read synchronously, sparing EF Core's async enumeration; PostgreSQL reads
        // them asynchronously.
        var sync = !db.Database.IsNpgsql();
        var compiled = CaseListCompiledQueries.For(db);
        if (sync)
        {
            db.Database.OpenConnection();
        }
        else
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var countUpTo = Math.Max(CountLimit, (page + 1) * pageSize) + 1;
        List<CaseListCompiledQueries.PageRow> rows;
        List<CaseListCompiledQueries.PersonRow>? pagePeople = null;
        if (IsNewestFirst(query) && filter is { Role: null, Search: null } && CaseAccess.IsAreaScoped(user, out var scopeArea))
        {
            // The page, then its people picked by the same subquery, in one snapshot so that both see the same cases.
            var (skip, areaCode, status, category, risk) = (page * pageSize, filter.AreaCode, filter.Status, filter.Category, filter.Risk);
            if (sync)
            {
                using var snapshot = ReadSnapshot.Begin(db);
                rows = compiled.NewestPage(db, scopeArea, areaCode, status, category, risk, skip, pageSize, countUpTo).ToList();
                pagePeople = rows.Count == 0 ? [] : compiled.NewestPagePeople(db, scopeArea, areaCode, status, category, risk, skip, pageSize).ToList();
                snapshot.Commit();
            }
            else
            {
                await using var snapshot = await ReadSnapshot.BeginAsync(db, cancellationToken);
                rows = await compiled.NewestPageAsync(db, scopeArea, areaCode, status, category, risk, skip, pageSize, countUpTo).ToListAsync(cancellationToken);
                pagePeople = rows.Count == 0
                    ? []
                    : await compiled.NewestPagePeopleAsync(db, scopeArea, areaCode, status, category, risk, skip, pageSize).ToListAsync(cancellationToken);
                await snapshot.CommitAsync(cancellationToken);
            }
        }
        else
        {
            var pageQuery = PageQuery(db, Filtered(db, user, filter), query, page * pageSize, pageSize, countUpTo);
            rows = sync ? pageQuery.ToList() : await pageQuery.ToListAsync(cancellationToken);
        }

        // An empty page carries no total: count only then (a page past the end), or say the area does not exist.
        var total = rows.Count > 0 ? rows[0].Total : page > 0 ? await Filtered(db, user, filter).Take(countUpTo).CountAsync(cancellationToken) : 0;
        if (total == 0)
        {
            return filter.AreaCode is { } code && !await db.Areas.AnyAsync(a => a.Code == code, cancellationToken)
                ? CaseListResult.Empty($"There is no area \"{code}\".")
                : CaseListResult.Empty();
        }

        // The people of the page's cases, for the names shown and the count (a per-row TOP-N needs APPLY, which SQLite
        // lacks; a collection in the page's projection made SQLite join every participant of the force to their person).
        if (pagePeople is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var peopleQuery = PeopleOf(db, rows.Select(r => r.Id).ToArray());
            pagePeople = sync ? peopleQuery.ToList() : await peopleQuery.ToListAsync(cancellationToken);
        }

        var people = pagePeople
            .OrderBy(p => p.Id)
            .ToLookup(p => p.CaseId);

        return new CaseListResult(
            rows.Select(r => new CaseListRow(
                    r.Reference, r.AreaCode ?? "", r.Category, r.Status, r.RiskLevel, r.LeadOfficer, r.OpenedAt,
                    people[r.Id].Select(p => p.PersonId).Distinct().Count(),
                    PeopleShown(people[r.Id].Select(p => (p.Role, $"{p.FirstName} {p.LastName}"))), r.Postcode))
                .ToList(),
            total,
            TotalIsLowerBound: total == countUpTo);
    }

    public async Task<IReadOnlyList<AreaInfo>> GetAreasAsync(UserScope user, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.Lease();
        var areas = db.Areas.AsNoTracking();
        if (user.RestrictedAreaId is { } areaId)
        {
            areas = areas.Where(a => a.Id == areaId);
        }

        return await areas.OrderBy(a => a.Name).Select(a => new AreaInfo(a.Id, a.Code, a.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The cases the user may see under the filter, unsorted (the list's query, shared with the bulk export); null
    /// when the filter names an area that does not exist.
    /// </summary>
    public static async Task<IQueryable<AsbCase>?> FilteredAsync(AsbOpsDbContext db, UserScope user, CaseListFilter filter, CancellationToken cancellationToken)
    {
        var cases = db.Cases.AsNoTracking().VisibleTo(db, user);
        if (filter.AreaCode is { } code)
        {
            var areaId = await db.Areas.AsNoTracking().Where(a => a.Code == code).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (areaId is null)
            {
                return null;
            }

            cases = cases.Where(c => c.AreaId == areaId.Value);
        }

        return ApplyFilters(db, cases, filter);
    }

    /// <summary>
    /// As <see cref="FilteredAsync"/> in one query: the area's id is a scalar subquery on its code (evaluated once, so the
    /// cases' area indexes still apply), and an unknown area simply matches nothing.
    /// </summary>
    private static IQueryable<AsbCase> Filtered(AsbOpsDbContext db, UserScope user, CaseListFilter filter)
    {
        var cases = db.Cases.AsNoTracking().VisibleTo(db, user);
        if (filter.AreaCode is { } code)
        {
            cases = cases.Where(c => c.AreaId == db.Areas.Where(a => a.Code == code).Select(a => a.Id).FirstOrDefault());
        }

        return ApplyFilters(db, cases, filter);
    }

    /// <summary>Whether the list is sorted as it opens, newest first (the compiled query's order).</summary>
    private static bool IsNewestFirst(CaseListQuery query) =>
        query.SortBy switch
        {
            CaseListSort.Reference or CaseListSort.Risk or CaseListSort.Area or CaseListSort.Status => false,
            CaseListSort.Opened => query.Descending,
            _ => true,
        };

    /// <summary>The page with its total in any order and under any filter, as <see cref="CaseListCompiledQueries.NewestPage"/>.</summary>
    private static IQueryable<CaseListCompiledQueries.PageRow> PageQuery(
        AsbOpsDbContext db, IQueryable<AsbCase> cases, CaseListQuery query, int skip, int take, int countUpTo)
    {
        var pageIds = Sort(db, cases, query.SortBy, query.Descending).Skip(skip).Take(take).Select(c => c.Id);
        return Sort(db, db.Cases.AsNoTracking().Where(c => pageIds.Contains(c.Id)), query.SortBy, query.Descending)
            .Select(c => new CaseListCompiledQueries.PageRow(
                cases.Take(countUpTo).Count(),
                c.Id,
                c.Reference,
                db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).FirstOrDefault(),
                c.Category,
                c.Status,
                c.RiskLevel,
                db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
                c.OpenedAt,
                c.Postcode));
    }

    /// <summary>
    /// The people on the page's cases (for any order other than the newest first), the ids sent as one parameter (a JSON array read
    /// by <c>json_each</c> on SQLite, an array on PostgreSQL). Not a compiled query: there EF Core 10 sends an array as one parameter per
    /// element (<c>EF.Parameter</c> is refused inside a compiled query), and since that SQL depends on the count, it
    /// builds the SQL anew on every call (0.4 ms, as long as SQLite takes to run it). With one parameter the SQL is
    /// cached, and finding this small query in EF Core's cache costs less.
    /// </summary>
    private static IQueryable<CaseListCompiledQueries.PersonRow> PeopleOf(AsbOpsDbContext db, long[] caseIds) =>
        db.CaseParticipants.AsNoTracking()
            .Where(p => EF.Parameter(caseIds).Contains(p.CaseId))
            .Select(p => new CaseListCompiledQueries.PersonRow(p.CaseId, p.Id, p.PersonId, p.Role, p.Person!.FirstName, p.Person.LastName));

    /// <summary>The victims (at most a few) when there are any, otherwise the first person added.</summary>
    private static IReadOnlyList<string> PeopleShown(IEnumerable<(PersonRole Role, string Name)> people)
    {
        var list = people.ToList();
        var victims = list.Where(p => p.Role == PersonRole.Victim).Select(p => p.Name).Take(PeopleShownPerRow).ToList();
        return victims.Count > 0 ? victims : list.Take(1).Select(p => p.Name).ToList();
    }

    private static IQueryable<AsbCase> ApplyFilters(AsbOpsDbContext db, IQueryable<AsbCase> cases, CaseListFilter filter)
    {
        if (filter.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (filter.Category is { } category)
        {
            cases = cases.Where(c => c.Category == category);
        }

        if (filter.Role is { } role)
        {
            // With a role, the risk level is that of the person in the role (the dashboard's role × level heatmap).
            cases = filter.Risk is { } personRisk
                ? cases.Where(c => c.Participants.Any(p => p.Role == role && p.RiskLevel == personRisk))
                : cases.Where(c => c.Participants.Any(p => p.Role == role));
        }
        else if (filter.Risk is { } risk)
        {
            cases = cases.Where(c => c.RiskLevel == risk);
        }

        return filter.Search is { } search ? CaseSearchQuery.Apply(db, cases, search) : cases;
    }

    private static IQueryable<AsbCase> Sort(AsbOpsDbContext db, IQueryable<AsbCase> cases, string? sortBy, bool descending) =>
        sortBy switch
        {
            CaseListSort.Reference => By(cases, c => c.Reference, descending),
            CaseListSort.Opened => By(cases, c => c.OpenedAt, descending),
            CaseListSort.Risk => By(cases, c => c.RiskLevel, descending),
            CaseListSort.Area => By(cases, c => db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).FirstOrDefault(), descending),

            // Status is stored as a word; sort it in workflow order, not alphabetically.
            CaseListSort.Status => By(cases, c => c.Status == CaseStatus.Open ? 1 : c.Status == CaseStatus.UnderReview ? 2 : 3, descending),
            _ => By(cases, c => c.OpenedAt, descending: true),
        };

    private static IQueryable<AsbCase> By<TKey>(IQueryable<AsbCase> cases, Expression<Func<AsbCase, TKey>> key, bool descending) =>
        descending ? cases.OrderByDescending(key).ThenByDescending(c => c.Id) : cases.OrderBy(key).ThenBy(c => c.Id);
}
