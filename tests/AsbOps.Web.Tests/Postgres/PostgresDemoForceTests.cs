using System.Net;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Intake;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>
/// The demo force (prepared bulk inserts, generated ids read back) loaded into PostgreSQL, and the app's pages and
/// list queries over it: each of them is a query PostgreSQL must translate and run.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDemoForceTests(PostgresDemoForceAppFactory app) : IClassFixture<PostgresDemoForceAppFactory>
{
    [Fact]
    public async Task TheDemoForceLoadsIntoPostgresWithEveryRowItReports()
    {
        await using var db = app.CreateDbContext();

        Assert.InRange(app.Result.Cases, 4000, 4800);
        Assert.Equal(app.Result.Cases, await db.Cases.CountAsync());
        Assert.Equal(app.Result.Incidents, await db.Incidents.CountAsync());
        Assert.Equal(app.Result.People, await db.People.CountAsync());
        Assert.Equal(8, await db.Areas.CountAsync());
        Assert.True(await db.Users.AnyAsync(u => u.Email == DemoLogins.Officer));
        Assert.False(await db.Incidents.AnyAsync(i => i.CaseId != null && !db.Cases.Any(c => c.Id == i.CaseId)));
        Assert.True(await db.Assessments.AnyAsync() && await db.Reminders.AnyAsync() && await db.ComplianceSnapshots.AnyAsync());

        // The load dropped the indexes and foreign keys of its tables (PostgresBulkLoad) and left none of them pending.
        Assert.Equal(0, await AsbOps.Web.Data.PostgresBulkLoad.RestorePendingAsync(db, CancellationToken.None));
        Assert.False(await db.Database.SqlQueryRaw<bool>("SELECT to_regclass('public.\"__AsbOpsBulkLoad\"') IS NOT NULL AS \"Value\"").SingleAsync());
    }

    [Fact]
    public async Task TheAdministratorGetsEveryMainPageOfTheDemoForcePrerendered()
    {
        await using var db = app.CreateDbContext();
        var highCase = await db.Cases.Where(c => c.RiskLevel == RiskLevel.High).OrderBy(c => c.Id).Select(c => c.Reference).FirstAsync();
        var incident = await db.Incidents.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        using var client = await app.CreateSignedInClientAsync(DemoLogins.Admin, new DemoOptions().Password);
        string[] pages = ["/", "/cases", $"/cases/{highCase}", $"/cases/{highCase}/plan", $"/cases/{highCase}/referrals", "/incidents",
            $"/incidents/{incident}", "/approvals", "/alerts", "/compliance", "/metrics", "/wallboard", "/guidance", "/admin", "/admin/jobs"];

        var statuses = new List<string>();
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            statuses.Add($"{page} {(int)response.StatusCode}");
        }

        Assert.Equal(pages.Select(p => $"{p} 200"), statuses);
    }

    [Fact]
    public async Task TheCaseAndIncidentListsFindByReferenceNameAndPostcodeOnPostgres()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = app.CreateDbContext();
        var admin = await db.Users.SingleAsync(u => u.Email == DemoLogins.Admin);
        var user = new UserScope(admin.Id, admin.Email!, Roles.Admin, admin.AreaId, null);
        var victim = await db.CaseParticipants.OrderBy(p => p.Id).Select(p => new { p.CaseId, p.Case!.Reference, p.Person!.LastName }).FirstAsync();
        var incident = await db.Incidents.OrderBy(i => i.Id).Select(i => new { i.Id, i.Postcode }).FirstAsync();
        var caseList = scope.ServiceProvider.GetRequiredService<ICaseListService>();
        var incidentList = scope.ServiceProvider.GetRequiredService<IncidentQueries>();

        var byReference = await caseList.SearchAsync(user, new CaseListQuery { Q = victim.Reference });
        var byName = await caseList.SearchAsync(user, new CaseListQuery { Q = victim.LastName.ToLowerInvariant(), PageSize = 100 });
        var byPostcode = await incidentList.ListAsync(user, new IncidentListQuery(Search: incident.Postcode.ToLowerInvariant(), PageSize: 100));
        var firstPage = await incidentList.ListAsync(user, new IncidentListQuery());

        Assert.Equal([victim.Reference], byReference.Rows.Select(r => r.Reference));
        Assert.InRange(byName.TotalCount, 1, app.Result.Cases - 1);
        Assert.Contains(victim.Reference, byName.Rows.Select(r => r.Reference));
        Assert.InRange(byPostcode.TotalCount, 1, app.Result.Incidents - 1);
        Assert.Equal((25, app.Result.Incidents), (firstPage.Items.Count, firstPage.TotalCount));
    }
}
