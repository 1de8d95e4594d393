using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CasePeopleCountsBackfill = AsbOps.Web.Data.Migrations.CasePeopleCountsBackfill;

namespace AsbOps.Web.Tests.Data;

/// <summary>
/// The role × level counts of people stored on each case, which the dashboard's role heatmap sums over the open cases:
/// kept by every save that adds, moves, removes or reassesses a person, unchanged by closing and reopening (the heatmap
/// leaves closed cases out when it reads), filled by the migration's SQL. The PostgreSQL tests run the same scenarios.
/// </summary>
public sealed class CasePeopleCountsTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public Task EverySaveKeepsTheCountsAndTheRoleHeatmapCountsThePeopleOfOpenCasesOnly() => EverySaveKeepsTheCountsAsync(app, "PPLCOUNT");

    [Fact]
    public Task TheMigrationsBackfillGivesEveryCaseTheCountsOfItsPeople() => BackfillGivesTheCountsAsync(app, "PPLFILL");

    internal static async Task EverySaveKeepsTheCountsAsync(AsbOpsAppFactory app, string areaCode)
    {
        var area = (await app.AddAreaAsync(areaCode)).Id;
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, await db.GuidanceVersions.Select(v => v.Id).FirstAsync(), Now);
        var first = b.Case(area);
        var second = b.Case(area);
        var victim = b.Person(first, PersonRole.Victim);
        var perpetrator = b.Person(first, PersonRole.Perpetrator);
        b.Person(second, PersonRole.Victim, RiskLevel.Medium);
        await db.SaveChangesAsync();
        Assert.Equal(["victim medium 1", "victim notassessed 1", "perpetrator notassessed 1"], await HeatmapAsync(app, area));

        // Assessed: the person's level moves from one count to another.
        victim.RiskLevel = RiskLevel.High;
        b.Assess(first, victim, RiskLevel.High);
        b.Person(first, PersonRole.Witness, RiskLevel.Low);
        await db.SaveChangesAsync();
        Assert.Equal(["victim medium 1", "victim high 1", "perpetrator notassessed 1", "witness low 1"], await HeatmapAsync(app, area));

        // Moved to the other case, then removed from it.
        first.Participants.Remove(perpetrator);
        second.Participants.Add(perpetrator);
        perpetrator.Case = second;
        await db.SaveChangesAsync();
        await PeopleCountsAssert.MatchTheirPeopleAsync(db, first.Id, second.Id);
        Assert.Equal(1, await db.Cases.Where(c => c.Id == second.Id).Select(c => c.PerpetratorsNotAssessed).SingleAsync());
        db.CaseParticipants.Remove(perpetrator);
        await db.SaveChangesAsync();
        Assert.Equal(["victim medium 1", "victim high 1", "witness low 1"], await HeatmapAsync(app, area));

        // Closed: its people leave the heatmap, its counts stay; reopened: they are back.
        first.Close(ClosureReason.Resolved, Now);
        await db.SaveChangesAsync();
        Assert.Equal(["victim medium 1"], await HeatmapAsync(app, area));
        await PeopleCountsAssert.MatchTheirPeopleAsync(db, first.Id, second.Id);
        first.Status = CaseStatus.Open;
        first.ClosureReason = null;
        first.ClosedAt = null;
        await db.SaveChangesAsync();
        Assert.Equal(["victim medium 1", "victim high 1", "witness low 1"], await HeatmapAsync(app, area));
        Assert.Empty(await CaseStandingRefresh.Stale(db, db.Cases.Where(c => c.AreaId == area)).ToListAsync());
    }

    internal static async Task BackfillGivesTheCountsAsync(AsbOpsAppFactory app, string areaCode)
    {
        var area = (await app.AddAreaAsync(areaCode)).Id;
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, await db.GuidanceVersions.Select(v => v.Id).FirstAsync(), Now);
        var crowded = b.Case(area);
        foreach (var (role, level) in new[]
        {
            (PersonRole.Victim, RiskLevel.High), (PersonRole.Victim, RiskLevel.High), (PersonRole.Victim, RiskLevel.Low),
            (PersonRole.Perpetrator, RiskLevel.Medium), (PersonRole.Witness, RiskLevel.NotAssessed), (PersonRole.ReportingPerson, RiskLevel.Low),
        })
        {
            b.Person(crowded, role, level);
        }

        var single = b.Case(area);
        b.Person(single, PersonRole.Perpetrator, RiskLevel.High);
        var empty = b.Case(area);
        await db.SaveChangesAsync();

        // As the migration finds them: the columns just added at zero on every case.
        await db.Cases.Where(c => c.AreaId == area).ExecuteUpdateAsync(s =>
        {
            foreach (var count in CaseStanding.PeopleCounts)
            {
                s.SetProperty(count.Stored, 0);
            }
        });
        Assert.Equal(2, await CaseStandingRefresh.Stale(db, db.Cases.Where(c => c.AreaId == area)).CountAsync());

        await db.Database.ExecuteSqlRawAsync(CasePeopleCountsBackfill.Sql);

        await PeopleCountsAssert.MatchTheirPeopleAsync(db, crowded.Id, single.Id, empty.Id);
        var stored = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == crowded.Id);
        Assert.Equal((2, 1, 1, 1), (stored.VictimsHigh, stored.VictimsLow, stored.PerpetratorsMedium, stored.WitnessesNotAssessed));
        Assert.Empty(await CaseStandingRefresh.Stale(db, db.Cases.Where(c => c.AreaId == area)).ToListAsync());
    }

    /// <summary>The area's role heatmap as the dashboard reads it, non-empty cells only, in the heatmap's order.</summary>
    private static async Task<List<string>> HeatmapAsync(AsbOpsAppFactory app, int area)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = await scope.ServiceProvider.GetRequiredService<OpsDashboardQueries>().LoadAsync(area);
        return [.. RiskLinks.HeatmapRoles.SelectMany(role => RiskLinks.HeatmapLevels
            .Select(level => (Row: CaseDisplay.Key(role), Level: level, data.RoleHeatmap.Rows.Single(r => r.Key == CaseDisplay.Key(role)).Cells.Single(c => c.Level == level).Count))
            .Where(x => x.Count > 0)
            .Select(x => $"{x.Row} {CaseDisplay.Key(x.Level)} {x.Count}"))];
    }
}
