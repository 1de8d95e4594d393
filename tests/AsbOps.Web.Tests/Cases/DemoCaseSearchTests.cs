using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Cases;

/// <summary>
/// The case list's search over the stored search text finds, on the demo force, exactly the cases that testing every
/// reference and every person's search name (the search before the text was stored) finds, newest first.
/// </summary>
[Collection(DemoForceCollection.Name)]
public sealed class DemoCaseSearchTests(SeededDemoForce force)
{
    private const int PageSize = 100;
    private static readonly UserScope ForceWide = new("compliance", "compliance@test.local", Roles.Compliance, null, null);

    [Fact]
    public async Task SearchFindsTheSameCasesAsTestingEveryReferenceAndPerson()
    {
        await using var db = force.App.CreateDbContext();
        var commonest = await db.People.GroupBy(p => p.LastName).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var someone = await db.People.Where(p => p.LastName == commonest).OrderBy(p => p.Id).Select(p => new { p.FirstName, p.LastName }).FirstAsync();
        var reference = await db.Cases.OrderBy(c => c.Id).Select(c => c.Reference).FirstAsync();
        var postcode = await db.Cases.OrderBy(c => c.Id).Select(c => c.Postcode).FirstAsync();
        string[] searches =
        [
            commonest, commonest.ToLowerInvariant(), commonest[..3], $"{someone.FirstName} {someone.LastName}",
            $"{someone.LastName}, {someone.FirstName}", someone.FirstName, reference, reference[..8], reference[^4..],
            $"{commonest},", "A E", postcode, postcode.Split(' ')[0], "NOBODY-AT-ALL", "|",
        ];

        await using var scope = force.App.Services.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<ICaseListService>();
        foreach (var text in searches)
        {
            var expected = await OldSearch(db, CaseSearch.From(text))
                .OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id).Select(c => c.Reference).ToListAsync();

            var result = await service.SearchAsync(ForceWide, new CaseListQuery { Q = text, PageSize = PageSize });

            Assert.True(expected.Count == result.TotalCount, $"\"{text}\": {result.TotalCount} cases, expected {expected.Count}");
            Assert.Equal(expected.Take(PageSize), result.Rows.Select(r => r.Reference));
            Assert.False(result.TotalIsLowerBound);
        }
    }

    [Fact]
    public async Task EveryDemoCaseHasTheSearchTextItsReferenceAndPeopleGiveIt()
    {
        await using var db = force.App.CreateDbContext();

        var differs = $"SELECT COUNT(*) AS \"Value\" FROM \"Cases\" WHERE \"SearchText\" <> {CaseSearchTextRefresh.Expression(postgres: false)}";
        var stale = await db.Database.SqlQueryRaw<int>(differs).SingleAsync();
        var empty = await db.Cases.CountAsync(c => !c.SearchText.StartsWith(c.Reference));

        Assert.Equal(0, stale);
        Assert.Equal(0, empty);
        Assert.True(await db.Cases.AnyAsync(c => c.SearchText.Contains("|")));
    }

    /// <summary>The search as it was before the search text: the reference, every person, every postcode tested.</summary>
    private static IQueryable<AsbCase> OldSearch(AsbOpsDbContext db, CaseSearch search)
    {
        var people = db.People.AsQueryable();
        foreach (var token in search.NameTokens)
        {
            people = people.Where(p => p.SearchName.Contains(token));
        }

        var byName = db.CaseParticipants.Where(p => people.Select(m => m.Id).Contains(p.PersonId)).Select(p => p.CaseId);
        var fragment = search.ReferenceFragment;
        var cases = db.Cases.VisibleTo(db, ForceWide);
        if (search.Postcode is { } postcode)
        {
            var byPersonPostcode = db.CaseParticipants.Where(p => p.Person!.Postcode == postcode).Select(p => p.CaseId);
            return cases.Where(c => c.Reference.Contains(fragment) || byName.Contains(c.Id)
                || c.Postcode == postcode || byPersonPostcode.Contains(c.Id));
        }

        if (search.PostcodeDistrict is { } district)
        {
            var prefix = district + " ";
            return cases.Where(c => c.Reference.Contains(fragment) || byName.Contains(c.Id) || c.Postcode.StartsWith(prefix));
        }

        return cases.Where(c => c.Reference.Contains(fragment) || byName.Contains(c.Id));
    }
}
