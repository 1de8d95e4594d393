using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VictimContactDueBackfill = AsbOps.Web.Data.Migrations.VictimContactDueBackfill;

namespace AsbOps.Web.Tests.Data;

/// <summary>
/// The first victim contact due date stored on each case, from which the dashboard's overdue contacts count finds the
/// cases to look at: kept by the saves that add victims or change their plans, filled by the migration's SQL, and never
/// hiding a victim the clock alone has made overdue. The PostgreSQL tests run the same scenario.
/// </summary>
public sealed class VictimContactDueTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public Task TheStoredDueDateFollowsVictimsAndPlansAndTheOverdueCountFollowsTheClock() => DueDateFollowsVictimsAndPlansAsync(app, "VCDUE");

    internal static async Task DueDateFollowsVictimsAndPlansAsync(AsbOpsAppFactory app, string areaCode)
    {
        var area = (await app.AddAreaAsync(areaCode)).Id;
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, await db.GuidanceVersions.Select(v => v.Id).FirstAsync(), Now);
        var c = b.Case(area);
        var medium = b.Person(c, PersonRole.Victim, RiskLevel.Medium, addedAt: Now.AddDays(-8));
        b.Person(c, PersonRole.Perpetrator, RiskLevel.High, addedAt: Now.AddDays(-30));
        await db.SaveChangesAsync();
        Assert.Equal(Now.AddDays(6), await DueAsync(db, c.Id));
        Assert.Equal((0, 1), (await OverdueAsync(app, area, Now), await OverdueAsync(app, area, Now.AddDays(7))));

        // A plan moves the victim's date either way, and the case's with it.
        var plan = new VictimContactPlan { CaseId = c.Id, CaseParticipantId = medium.Id, NextContactDue = Now.AddHours(-1), Version = 1 };
        db.VictimContactPlans.Add(plan);
        await db.SaveChangesAsync();
        Assert.Equal(Now.AddHours(-1), await DueAsync(db, c.Id));
        Assert.Equal(1, await OverdueAsync(app, area, Now));
        plan.NextContactDue = Now.AddDays(10);
        await db.SaveChangesAsync();
        Assert.Equal((0, 0, 1), (await OverdueAsync(app, area, Now), await OverdueAsync(app, area, Now.AddDays(8)), await OverdueAsync(app, area, Now.AddDays(11))));

        // A second victim, overdue from the start (weekly, added 8 days ago), brings the case's date forward.
        b.Person(c, PersonRole.Victim, RiskLevel.High, addedAt: Now.AddDays(-8));
        await db.SaveChangesAsync();
        Assert.Equal(Now.AddDays(-1), await DueAsync(db, c.Id));
        Assert.Equal(1, await OverdueAsync(app, area, Now));
        Assert.Empty(await CaseStandingRefresh.Stale(db, db.Cases.Where(x => x.AreaId == area)).ToListAsync());

        // The migration's SQL gives back what the saves stored.
        await db.Cases.Where(x => x.AreaId == area).ExecuteUpdateAsync(s => s.SetProperty(x => x.FirstVictimContactDue, (DateTime?)null));
        Assert.Single(await CaseStandingRefresh.Stale(db, db.Cases.Where(x => x.AreaId == area)).ToListAsync());
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? VictimContactDueBackfill.Postgres : VictimContactDueBackfill.Sqlite);
        Assert.Equal(Now.AddDays(-1), await DueAsync(db, c.Id));
        Assert.Empty(await CaseStandingRefresh.Stale(db, db.Cases.Where(x => x.AreaId == area)).ToListAsync());
    }

    private static Task<DateTime?> DueAsync(AsbOpsDbContext db, long caseId) =>
        db.Cases.AsNoTracking().Where(x => x.Id == caseId).Select(x => x.FirstVictimContactDue).SingleAsync();

    private static async Task<int> OverdueAsync(AsbOpsAppFactory app, int area, DateTime now) =>
        (await app.Services.GetRequiredService<OpenCaseTally>().CountAsync(area, now)).ToCounters().OverdueContacts;
}
