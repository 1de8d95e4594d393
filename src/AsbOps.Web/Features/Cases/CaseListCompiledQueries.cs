using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// The case list's page as an EF Core compiled query (read synchronously on SQLite, asynchronously on PostgreSQL), for
/// the list as it is usually opened: newest first, limited at most by the reader's area and the area, status, category
/// and risk filters. A query built from LINQ each time spent more in EF Core (finding its cached plan from the
/// expression tree) than SQLite spent in the SQL itself. The page's people are a second compiled query that picks the
/// page's ids by the same subquery (the service reads both in one snapshot, <see cref="ReadSnapshot"/>). Each optional
/// filter is a nullable parameter: EF Core drops <c>@p IS NULL OR …</c> from the SQL it caches for each combination of
/// null parameters, so the SQL (and the index SQLite or PostgreSQL picks) is that of the LINQ query with only the
/// filters given. A compiled query serves one model only, so there is a set per model
/// (one per provider; a test process runs both).
/// </summary>
internal sealed class CaseListCompiledQueries
{
    private static readonly ConditionalWeakTable<IModel, CaseListCompiledQueries> ByModel = new();

    /// <summary>The compiled queries of the context's model.</summary>
    public static CaseListCompiledQueries For(AsbOpsDbContext db) => ByModel.GetValue(db.Model, _ => new CaseListCompiledQueries());

    /// <summary>A row of the page as read, with the total (counted up to a limit) that every row carries.</summary>
    internal sealed record PageRow(
        int Total, long Id, string Reference, string? AreaCode, AsbCategory Category, CaseStatus Status, RiskLevel RiskLevel,
        string? LeadOfficer, DateTime OpenedAt, string Postcode);

    /// <summary>A person on a case of the page.</summary>
    internal sealed record PersonRow(long CaseId, long Id, long PersonId, PersonRole Role, string FirstName, string LastName);

    /// <summary>
    /// The page, newest first, with its total: the page's ids are picked first and only those cases projected; the
    /// total is an uncorrelated scalar subquery (see <see cref="CaseListService"/>). The filter is written twice because
    /// a compiled query's body is one expression.
    /// </summary>
    private static readonly Expression<Func<AsbOpsDbContext, int?, string?, CaseStatus?, AsbCategory?, RiskLevel?, int, int, int, IQueryable<PageRow>>> NewestPageQuery =
        (db, scopeArea, areaCode, status, category, risk, skip, take, countUpTo) =>
            db.Cases.AsNoTracking()
                .Where(c => db.Cases
                    .Where(m => (scopeArea == null || m.AreaId == scopeArea)
                        && (areaCode == null || m.AreaId == db.Areas.Where(a => a.Code == areaCode).Select(a => a.Id).FirstOrDefault())
                        && (status == null || m.Status == status)
                        && (category == null || m.Category == category)
                        && (risk == null || m.RiskLevel == risk))
                    .OrderByDescending(m => m.OpenedAt).ThenByDescending(m => m.Id)
                    .Skip(skip).Take(take)
                    .Select(m => m.Id)
                    .Contains(c.Id))
                .OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id)
                .Select(c => new PageRow(
                    db.Cases
                        .Where(m => (scopeArea == null || m.AreaId == scopeArea)
                            && (areaCode == null || m.AreaId == db.Areas.Where(a => a.Code == areaCode).Select(a => a.Id).FirstOrDefault())
                            && (status == null || m.Status == status)
                            && (category == null || m.Category == category)
                            && (risk == null || m.RiskLevel == risk))
                        .Take(countUpTo)
                        .Count(),
                    c.Id,
                    c.Reference,
                    db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).FirstOrDefault(),
                    c.Category,
                    c.Status,
                    c.RiskLevel,
                    db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
                    c.OpenedAt,
                    c.Postcode));

    /// <summary>
    /// The people on the page of <see cref="NewestPageQuery"/> under the same parameters: the page's ids picked by the same
    /// subquery, not sent back as a list (an array parameter costs EF Core more than the statement). Read in the same
    /// transaction as the page, so both see the same cases.
    /// </summary>
    private static readonly Expression<Func<AsbOpsDbContext, int?, string?, CaseStatus?, AsbCategory?, RiskLevel?, int, int, IQueryable<PersonRow>>> NewestPagePeopleQuery =
        (db, scopeArea, areaCode, status, category, risk, skip, take) =>
            db.CaseParticipants.AsNoTracking()
                .Where(p => db.Cases
                    .Where(m => (scopeArea == null || m.AreaId == scopeArea)
                        && (areaCode == null || m.AreaId == db.Areas.Where(a => a.Code == areaCode).Select(a => a.Id).FirstOrDefault())
                        && (status == null || m.Status == status)
                        && (category == null || m.Category == category)
                        && (risk == null || m.RiskLevel == risk))
                    .OrderByDescending(m => m.OpenedAt).ThenByDescending(m => m.Id)
                    .Skip(skip).Take(take)
                    .Select(m => m.Id)
                    .Contains(p.CaseId))
                .Select(p => new PersonRow(p.CaseId, p.Id, p.PersonId, p.Role, p.Person!.FirstName, p.Person.LastName));

    /// <summary>The page (<see cref="NewestPageQuery"/>), read synchronously (SQLite).</summary>
    public Func<AsbOpsDbContext, int?, string?, CaseStatus?, AsbCategory?, RiskLevel?, int, int, int, IEnumerable<PageRow>> NewestPage { get; } =
        EF.CompileQuery(NewestPageQuery);

    /// <summary>The page (<see cref="NewestPageQuery"/>), read asynchronously (PostgreSQL).</summary>
    public Func<AsbOpsDbContext, int?, string?, CaseStatus?, AsbCategory?, RiskLevel?, int, int, int, IAsyncEnumerable<PageRow>> NewestPageAsync { get; } =
        EF.CompileAsyncQuery(NewestPageQuery);

    /// <summary>The page's people (<see cref="NewestPagePeopleQuery"/>), read synchronously (SQLite).</summary>
    public Func<AsbOpsDbContext, int?, string?, CaseStatus?, AsbCategory?, RiskLevel?, int, int, IEnumerable<PersonRow>> NewestPagePeople { get; } =
        EF.CompileQuery(NewestPagePeopleQuery);

    /// <summary>The page's people (<see cref="NewestPagePeopleQuery"/>), read asynchronously (PostgreSQL).</summary>
    public Func<AsbOpsDbContext, int?, string?, CaseStatus?, AsbCategory?, RiskLevel?, int, int, IAsyncEnumerable<PersonRow>> NewestPagePeopleAsync { get; } =
        EF.CompileAsyncQuery(NewestPagePeopleQuery);
}
