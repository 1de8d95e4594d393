using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Migrations;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Live;
using AsbOps.Web.Tests.Compliance;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Data;

/// <summary>
/// The standing stored on each case (unassessed victim or perpetrator, no victim and no location assessment, unknown
/// answers, action plan) and the screening time stored on each incident: kept by every save, in its transaction,
/// filled by the migration's SQL, and put right by the weekly check and at start-up.
/// </summary>
public sealed class CaseStandingTests(ComplianceFixture fixture, AsbOpsAppFactory app) : IClassFixture<ComplianceFixture>, IClassFixture<AsbOpsAppFactory>
{
    private static readonly DateTime Now = ComplianceFixture.Now;

    [Fact]
    public async Task EveryCaseOfTheRuleFixtureStoresTheStandingItsRowsGive()
    {
        await using var db = fixture.CreateDbContext();

        Assert.Empty(await CaseStandingRefresh.Stale(db, db.Cases).Select(c => c.Reference).ToListAsync());
        Assert.Empty(await CaseStandingRefresh.StaleIncidents(db).Select(i => i.StormRef).ToListAsync());
        var standing = await StandingAsync(db, "ASB-2026-000001", "ASB-2026-000002", "ASB-2026-000003", "ASB-2026-000004",
            "ASB-2026-000016", "ASB-2026-000101");
        Assert.Equal(
            [
                "ASB-2026-000001 victim",
                "ASB-2026-000002 no-victim-no-location",
                "ASB-2026-000003 perpetrator",
                "ASB-2026-000004 unknown=2",
                "ASB-2026-000016 plan",
                "ASB-2026-000101 victim perpetrator",
            ],
            standing);
        var awaiting = await db.Incidents.Where(i => i.CaseId == null && i.ScreenedAt == null).Select(i => i.StormRef).OrderBy(r => r).ToListAsync();
        Assert.Equal(["T-AWAIT-1", "T-AWAIT-2", "T-AWAIT-B"], awaiting);
        Assert.Equal(Now.AddHours(-2), await db.Incidents.Where(i => i.StormRef == "T-SCREENED").Select(i => i.ScreenedAt).SingleAsync());
    }

    [Fact]
    public async Task EachSaveThatChangesPeopleAssessmentsOrPlansRefreshesTheStandingOfTheCasesItTouched()
    {
        var area = (await app.AddAreaAsync("STANDING")).Id;
        await using var db = app.CreateDbContext();
        var guidance = await db.GuidanceVersions.Select(v => v.Id).FirstAsync();
        var b = new CaseBuilder(db, guidance, Now);

        var first = b.Case(area, "ASB-2026-700001");
        var second = b.Case(area, "ASB-2026-700002");
        await db.SaveChangesAsync();
        Assert.Equal(["ASB-2026-700001 no-victim-no-location", "ASB-2026-700002 no-victim-no-location"], await StandingAsync(db, first, second));

        var victim = b.Person(first, PersonRole.Victim);
        await db.SaveChangesAsync();
        Assert.Equal(["ASB-2026-700001 victim"], await StandingAsync(db, first));

        var assessment = b.Assess(first, victim, RiskLevel.Medium, unknownCount: 3);
        await db.SaveChangesAsync();
        Assert.Equal(["ASB-2026-700001 unknown=3"], await StandingAsync(db, first));

        // A reassessment supersedes the old one: only the current assessment's unknowns count.
        assessment.IsCurrent = false;
        b.Assess(first, victim, RiskLevel.Medium, unknownCount: 1);
        var perpetrator = b.Person(first, PersonRole.Perpetrator);
        b.ActionPlan(first);
        await db.SaveChangesAsync();
        Assert.Equal(["ASB-2026-700001 perpetrator unknown=1 plan"], await StandingAsync(db, first));

        // Moving a person to another case changes both cases.
        first.Participants.Remove(perpetrator);
        second.Participants.Add(perpetrator);
        perpetrator.Case = second;
        await db.SaveChangesAsync();
        Assert.Equal(second.Id, await db.CaseParticipants.Where(p => p.Id == perpetrator.Id).Select(p => p.CaseId).SingleAsync());
        Assert.Equal(["ASB-2026-700001 unknown=1 plan", "ASB-2026-700002 no-victim-no-location perpetrator"], await StandingAsync(db, first, second));

        // Removing the current assessment leaves the victim unassessed again.
        db.Assessments.Remove(await db.Assessments.SingleAsync(a => a.CaseId == first.Id && a.IsCurrent));
        db.ActionPlans.RemoveRange(db.ActionPlans.Where(p => p.CaseId == first.Id));
        await db.SaveChangesAsync();
        Assert.Equal(["ASB-2026-700001 victim"], await StandingAsync(db, first));

        var incident = b.Incident(area, "T-STANDING-1");
        await db.SaveChangesAsync();
        Assert.Null(await db.Incidents.Where(i => i.Id == incident.Id).Select(i => i.ScreenedAt).SingleAsync());
        db.Screenings.Add(new VictorEScreening { IncidentId = incident.Id, ScreenedAt = Now.AddMinutes(-5), ScreenedByUserId = "test" });
        await db.SaveChangesAsync();
        Assert.Equal(Now.AddMinutes(-5), await db.Incidents.Where(i => i.Id == incident.Id).Select(i => i.ScreenedAt).SingleAsync());

        Assert.Empty(await CaseStandingRefresh.Stale(db, db.Cases).ToListAsync());
    }

    [Fact]
    public async Task ASaveThatFailsLeavesTheStandingAsItWas()
    {
        var area = (await app.AddAreaAsync("STANDFAIL")).Id;
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, await db.GuidanceVersions.Select(v => v.Id).FirstAsync(), Now);
        var existing = b.Case(area, "ASB-2026-710001");
        await db.SaveChangesAsync();

        b.Person(existing, PersonRole.Victim);
        b.Case(area, "ASB-2026-710001");
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        await using var fresh = app.CreateDbContext();
        Assert.Equal(["ASB-2026-710001 no-victim-no-location"], await StandingAsync(fresh, "ASB-2026-710001"));
        Assert.Equal(0, await fresh.CaseParticipants.CountAsync(p => p.CaseId == existing.Id));
    }

    [Fact]
    public async Task TheWeeklyCheckAndTheStartUpPutRightAStandingWrittenPastTheContext()
    {
        var area = (await app.AddAreaAsync("STANDFIX")).Id;
        await using (var db = app.CreateDbContext())
        {
            var b = new CaseBuilder(db, await db.GuidanceVersions.Select(v => v.Id).FirstAsync(), Now);
            var c = b.Case(area, "ASB-2026-720001");
            b.Assess(c, b.Person(c, PersonRole.Victim), RiskLevel.Low, unknownCount: 2);
            b.Incident(area, "T-STANDFIX", screened: true);
            b.Incident(area, "T-STANDFIX-WAITING");
            await db.SaveChangesAsync();
        }

        await SpoilAsync(area);
        var sweep = new ComplianceSweepService(app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>(),
            Options.Create(new ComplianceOptions()), app.Services.GetRequiredService<OpsNotifier>(), TimeProvider.System);
        var weekly = await sweep.WeeklyAsync(ComplianceWeek.Of(DateTime.UtcNow));

        Assert.Equal(2, weekly.StandingRepaired);
        Assert.Contains("the stored standing of 2 cases or incidents was out of date", weekly.ToString());
        await AssertRightAsync(area);

        await SpoilAsync(area);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        }

        await AssertRightAsync(area);
        await using var check = app.CreateDbContext();
        Assert.Equal(0, await CaseStandingRefresh.RepairAsync(check));
    }

    /// <summary>Writes a wrong standing on the area's case and clears its screened incident's time, past the context.</summary>
    private async Task SpoilAsync(int area)
    {
        await using var db = app.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"UPDATE \"Cases\" SET \"UnknownAnswers\" = 9, \"HasActionPlan\" = 1 WHERE \"AreaId\" = {area}");
        await db.Database.ExecuteSqlAsync($"UPDATE \"Incidents\" SET \"ScreenedAt\" = NULL WHERE \"AreaId\" = {area}");
        Assert.Equal(["ASB-2026-720001 unknown=9 plan"], await StandingAsync(db, "ASB-2026-720001"));
    }

    private async Task AssertRightAsync(int area)
    {
        await using var db = app.CreateDbContext();
        Assert.Equal(["ASB-2026-720001 unknown=2"], await StandingAsync(db, "ASB-2026-720001"));
        Assert.Equal(["T-STANDFIX-WAITING"], await db.Incidents.Where(i => i.AreaId == area && i.ScreenedAt == null).Select(i => i.StormRef).ToListAsync());
    }

    [Fact]
    public Task TheMigrationsBackfillGivesEveryCaseAndIncidentWhatTheSavesStored() => BackfillGivesWhatTheSavesStoredAsync(app);

    /// <summary>
    /// Saves cases of every standing in <paramref name="app"/>'s database, turns every stored standing of them wrong,
    /// runs the CaseStanding migration's SQL, and checks it gives back what the saves had stored (SQLite or PostgreSQL).
    /// </summary>
    internal static async Task BackfillGivesWhatTheSavesStoredAsync(AsbOpsAppFactory app)
    {
        var area = (await app.AddAreaAsync("BACKFILL")).Id;
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, await db.GuidanceVersions.Select(v => v.Id).FirstAsync(), Now);
        var victim = b.Case(area, "ASB-2026-730001");
        b.Person(victim, PersonRole.Victim);
        var location = b.Case(area, "ASB-2026-730002");
        b.Assess(location, null, RiskLevel.Low);
        var mixed = b.Case(area, "ASB-2026-730003");
        b.Assess(mixed, b.Person(mixed, PersonRole.Victim), RiskLevel.High, unknownCount: 4);
        b.Assess(mixed, b.Person(mixed, PersonRole.Perpetrator), RiskLevel.NotAssessed, AssessmentStatus.Draft);
        var empty = b.Case(area, "ASB-2026-730004");
        b.Incident(area, "T-BACKFILL-1", screened: true);
        b.Incident(area, "T-BACKFILL-2");
        await db.SaveChangesAsync();
        b.ActionPlan(mixed);
        await db.SaveChangesAsync();
        var saved = await StandingAsync(db, victim, location, mixed, empty);

        // Every flag turned over (NOT works on PostgreSQL's booleans and SQLite's 0/1 alike) and every count wrong.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "Cases" SET "HasUnassessedVictim" = NOT "HasUnassessedVictim",
                "LacksVictimAndLocationAssessment" = NOT "LacksVictimAndLocationAssessment",
                "HasUnassessedPerpetrator" = NOT "HasUnassessedPerpetrator", "UnknownAnswers" = 7, "HasActionPlan" = NOT "HasActionPlan"
            WHERE "AreaId" = {area}
            """);
        await db.Database.ExecuteSqlAsync($"UPDATE \"Incidents\" SET \"ScreenedAt\" = NULL WHERE \"AreaId\" = {area}");
        Assert.Equal(4, await CaseStandingRefresh.Stale(db, db.Cases.Where(c => c.AreaId == area)).CountAsync());

        await db.Database.ExecuteSqlRawAsync(CaseStandingBackfill.Sql);

        Assert.Equal(
            [
                "ASB-2026-730001 victim",
                "ASB-2026-730002",
                "ASB-2026-730003 perpetrator unknown=4 plan",
                "ASB-2026-730004 no-victim-no-location",
            ],
            saved);
        Assert.Equal(saved, await StandingAsync(db, victim, location, mixed, empty));
        Assert.Empty(await CaseStandingRefresh.StaleIncidents(db).ToListAsync());
        Assert.Equal(["T-BACKFILL-2"], await db.Incidents.Where(i => i.AreaId == area && i.ScreenedAt == null).Select(i => i.StormRef).ToListAsync());
    }

    private static Task<List<string>> StandingAsync(AsbOpsDbContext db, params AsbCase[] cases) =>
        StandingAsync(db, cases.Select(c => c.Reference).ToArray());

    /// <summary>Each case's stored standing in words, read fresh from the database, in reference order.</summary>
    private static async Task<List<string>> StandingAsync(AsbOpsDbContext db, params string[] references)
    {
        var rows = await db.Cases.AsNoTracking().Where(c => references.Contains(c.Reference)).OrderBy(c => c.Reference)
            .Select(c => new { c.Reference, c.HasUnassessedVictim, c.LacksVictimAndLocationAssessment, c.HasUnassessedPerpetrator, c.UnknownAnswers, c.HasActionPlan })
            .ToListAsync();
        return rows.Select(r => string.Join(' ', new[]
        {
            r.Reference,
            r.HasUnassessedVictim ? "victim" : null,
            r.LacksVictimAndLocationAssessment ? "no-victim-no-location" : null,
            r.HasUnassessedPerpetrator ? "perpetrator" : null,
            r.UnknownAnswers > 0 ? $"unknown={r.UnknownAnswers}" : null,
            r.HasActionPlan ? "plan" : null,
        }.Where(w => w is not null))).ToList();
    }
}
