using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Features.Admin;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Admin;

public sealed class AdminQueriesTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private AdminQueries Queries => app.Services.GetRequiredService<AdminQueries>();

    [Fact]
    public async Task UserSearchMatchesNameOrEmailAndPagesTheResult()
    {
        var area = await app.AddAreaAsync("USERSA");
        await app.AddUserAsync("bramble.one@test.local", Roles.Officer, area.Id, displayName: "Bramble One");
        await app.AddUserAsync("bramble.two@test.local", Roles.Sergeant, area.Id, displayName: "Bramble Two");
        await app.AddUserAsync("x.three@test.local", Roles.Inspector, area.Id, displayName: "Bramble Three");
        await app.AddUserAsync("hawthorn@test.local", Roles.Analyst, displayName: "Hawthorn");

        var first = await Queries.UsersAsync("bramble", page: 0, pageSize: 2);
        var second = await Queries.UsersAsync("bramble", page: 1, pageSize: 2);
        var byEmail = await Queries.UsersAsync("HAWTHORN@TEST", page: 0, pageSize: 25);

        Assert.Equal(3, first.TotalCount);
        Assert.Equal(["Bramble One", "Bramble Three"], first.Items.Select(u => u.DisplayName));
        Assert.Equal(["Bramble Two"], second.Items.Select(u => u.DisplayName));
        Assert.Equal("USERSA", first.Items[0].AreaCode);
        Assert.Equal(["Hawthorn"], byEmail.Items.Select(u => u.DisplayName));
    }

    [Fact]
    public async Task TheAreasListCountsOnlyOpenCasesAndNamesTheSergeant()
    {
        var area = await app.AddAreaAsync("CASESA");
        var sergeant = await app.AddUserAsync("casesa.sgt@test.local", Roles.Sergeant, area.Id, displayName: "Sgt Rowan");
        await using (var db = app.CreateDbContext())
        {
            var tracked = await db.Areas.FindAsync(area.Id);
            tracked!.SergeantUserId = sergeant.Id;
            var opened = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
            var b = new CaseBuilder(db, opened);
            for (var n = 1; n <= 3; n++)
            {
                var asbCase = b.Case(area.Id, new CaseReference(2026, 900 + n).ToString(), openedAt: opened, nextReviewInDays: null, address: "Park",
                    postcode: "CA1 1SE", summary: "Count test", category: AsbCategory.Nuisance);
                if (n == 3)
                {
                    asbCase.Close(ClosureReason.Resolved, opened.AddDays(5));
                }
            }

            await db.SaveChangesAsync();
        }

        var row = Assert.Single(await Queries.AreasAsync(), a => a.Code == "CASESA");

        Assert.Equal(2, row.OpenCases);
        Assert.Equal("Sgt Rowan", row.Sergeant);
        Assert.Null(row.Inspector);
    }
}
