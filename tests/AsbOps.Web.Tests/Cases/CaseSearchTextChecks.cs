using AsbOps.Domain.Cases;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.People;
using AsbOps.Web.Features.Retention;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Cases;

/// <summary>
/// Each way a case's people change keeps its search text in step, so the case list finds the case by the names it
/// has now and not by those it had: a person added later, a person renamed, two records merged, the case disposed of.
/// Each test has its own area and surnames. Run on SQLite here and on PostgreSQL by <c>PostgresCaseSearchTextTests</c>
/// (each provider keeps the text with its own SQL).
/// </summary>
public abstract class CaseSearchTextChecks(AsbOpsAppFactory app)
{
    private static readonly UserScope Analyst = new("analyst-id", "analyst@test.local", Roles.Analyst, null, null);
    private static int _areas;

    private static DateTime Now => DateTime.UtcNow;

    [Fact]
    public async Task APersonAddedAfterTheCaseOpenedFindsIt()
    {
        var area = await app.AddAreaAsync($"FIND{Interlocked.Increment(ref _areas)}");
        var c = await AddCaseAsync(area.Id, "Firstly", "Openshaw");
        await using (var db = app.CreateDbContext())
        {
            new CaseBuilder(db, Now).Person(c.Id, PersonRole.Witness, Now, firstName: "Later", lastName: "Addington");
            await db.SaveChangesAsync();
        }

        Assert.Equal([c.Reference], await FindAsync(area.Code, "ADDINGTON"));
        Assert.Equal([c.Reference], await FindAsync(area.Code, "openshaw"));
    }

    [Fact]
    public async Task ARenamedPersonFindsTheCaseByTheNewNameOnly()
    {
        var area = await app.AddAreaAsync($"FIND{Interlocked.Increment(ref _areas)}");
        var c = await AddCaseAsync(area.Id, "Rita", "Oldbury");
        await using (var db = app.CreateDbContext())
        {
            var person = await db.People.SingleAsync(p => p.LastName == "Oldbury");
            person.LastName = "Newbury";
            person.SearchName = Person.ToSearchName(person.FirstName, person.LastName);
            await db.SaveChangesAsync();
        }

        Assert.Equal([c.Reference], await FindAsync(area.Code, "NEWBURY"));
        Assert.Empty(await FindAsync(area.Code, "OLDBURY"));
    }

    [Fact]
    public async Task MergingTwoRecordsFindsTheDuplicatesCaseByTheSurvivorsName()
    {
        var area = await app.AddAreaAsync($"FIND{Interlocked.Increment(ref _areas)}");
        var first = await AddCaseAsync(area.Id, "Sam", "Keeperton");
        var second = await AddCaseAsync(area.Id, "Samuel", "Dupliston");
        long survivor, duplicate;
        int version;
        await using (var db = app.CreateDbContext())
        {
            var kept = await db.People.Where(p => p.LastName == "Keeperton").Select(p => new { p.Id, p.Version }).SingleAsync();
            (survivor, version) = (kept.Id, kept.Version);
            duplicate = await db.People.Where(p => p.LastName == "Dupliston").Select(p => p.Id).SingleAsync();
        }

        var sergeant = new UserScope("sergeant-id", "sergeant@test.local", Roles.Sergeant, area.Id, null);
        var result = await app.Services.GetRequiredService<IPersonRecordService>().MergeAsync(sergeant, survivor, version, duplicate);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal([second.Reference, first.Reference], await FindAsync(area.Code, "KEEPERTON"));
        Assert.Empty(await FindAsync(area.Code, "DUPLISTON"));
    }

    [Fact]
    public async Task ADisposedCaseIsFoundByItsReferenceButNoLongerByItsPeople()
    {
        var area = await app.AddAreaAsync($"FIND{Interlocked.Increment(ref _areas)}");
        var c = await AddCaseAsync(area.Id, "Dora", "Disposall", CaseStatus.Closed);
        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = app.CreateDbContext())
        {
            var tracked = await db.Cases.SingleAsync(x => x.Id == c.Id);
            var disposal = scope.ServiceProvider.GetRequiredService<CaseDisposal>();
            var result = await disposal.DisposeAsync(db, tracked, Analyst with { Role = Roles.Admin }, "Past its retention date", CancellationToken.None);
            Assert.True(result.Succeeded, result.Message);
        }

        Assert.Empty(await FindAsync(area.Code, "DISPOSALL"));
        Assert.Equal([c.Reference], await FindAsync(area.Code, c.Reference));
    }

    private async Task<AsbCase> AddCaseAsync(int areaId, string firstName, string lastName, CaseStatus status = CaseStatus.Open)
    {
        await using var db = app.CreateDbContext();
        var builder = new CaseBuilder(db, Now);
        var c = builder.Case(areaId, status: status);
        builder.Person(c, PersonRole.Victim, firstName: firstName, lastName: lastName);
        await db.SaveChangesAsync();
        return c;
    }

    private async Task<IReadOnlyList<string>> FindAsync(string areaCode, string text)
    {
        var result = await app.Services.GetRequiredService<ICaseListService>()
            .SearchAsync(Analyst, new CaseListQuery { Area = areaCode, Q = text });
        return [.. result.Rows.Select(r => r.Reference)];
    }
}
