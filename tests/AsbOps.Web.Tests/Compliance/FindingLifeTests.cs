using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data.Migrations;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>The lives of findings kept by the sweeps: first seen, carried over, put right, owned by the lead officer.</summary>
public sealed class FindingLifeTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    private sealed class World : IAsyncDisposable
    {
        public required ClockedAppFactory App { get; init; }
        public required int AreaId { get; init; }
        public required string LeadA { get; init; }
        public required string LeadB { get; init; }

        public static async Task<World> CreateAsync()
        {
            var app = new ClockedAppFactory(new FakeTimeProvider(Monday));
            var area = await app.AddAreaAsync("LIFE");
            var a = await app.AddUserAsync("pc.a@test.local", Roles.Officer, area.Id, displayName: "PC Alpha");
            var b = await app.AddUserAsync("pc.b@test.local", Roles.Officer, area.Id, displayName: "PC Bravo");
            return new World { App = app, AreaId = area.Id, LeadA = a.Id, LeadB = b.Id };
        }

        public async Task<ComplianceSweepResult> SweepAsync() => await App.Get<ComplianceSweepService>().SweepAsync();

        public async Task WeeklyCheckAsync() =>
            await App.Get<ComplianceSweepService>().WeeklyAsync(ComplianceWeek.Of(App.Clock.GetUtcNow().UtcDateTime));

        public async Task<List<FindingLife>> LivesAsync()
        {
            await using var db = App.CreateDbContext();
            return await db.FindingLives.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
        }

        public async Task<FindingMovement> MovementAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IComplianceQueries>().SinceLastCheckAsync(null);
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private static async Task<(long CaseId, long VictimId)> VictimCaseAsync(World w, string reference, string? lead)
    {
        await using var db = w.App.CreateDbContext();
        var b = new CaseBuilder(db, w.App.Clock.GetUtcNow().UtcDateTime);
        var c = b.Case(w.AreaId, reference, openedHoursAgo: 48, leadOfficerId: lead);
        var victim = b.Person(c, PersonRole.Victim);
        await db.SaveChangesAsync();
        return (c.Id, victim.Id);
    }

    [Fact]
    public async Task AFindingIsNewThenCarriedOverThenPutRightWhenItsPersonIsAssessed()
    {
        await using var w = await World.CreateAsync();
        var (caseId, victim) = await VictimCaseAsync(w, "ASB-2026-000901", w.LeadA);

        await w.WeeklyCheckAsync();
        var first = Assert.Single(await w.LivesAsync(), l => l.Rule == ComplianceRule.VictimWithoutAssessment);
        Assert.Equal((caseId, victim, Monday.UtcDateTime, (DateTime?)null, w.LeadA),
            (first.CaseId, first.ParticipantId, first.FirstSeenAt, first.PutRightAt, first.OwnerUserId));

        // A week on: the same life, carried over through one weekly check; a second victim is a new finding.
        w.App.Clock.Advance(TimeSpan.FromDays(7));
        long secondVictim;
        await using (var db = w.App.CreateDbContext())
        {
            var b = new CaseBuilder(db, w.App.Clock.GetUtcNow().UtcDateTime);
            var p = b.Person(caseId, PersonRole.Victim, w.App.Clock.GetUtcNow().UtcDateTime.AddHours(-30));
            await db.SaveChangesAsync();
            secondVictim = p.Id;
        }

        await w.SweepAsync();
        var lives = (await w.LivesAsync()).Where(l => l.Rule == ComplianceRule.VictimWithoutAssessment).ToList();
        Assert.Equal(2, lives.Count);
        Assert.Equal(first.Id, lives[0].Id);
        Assert.Equal(Monday.UtcDateTime, lives[0].FirstSeenAt);
        Assert.Equal(w.App.Clock.GetUtcNow().UtcDateTime, lives[0].LastSeenAt);
        Assert.Equal((secondVictim, w.App.Clock.GetUtcNow().UtcDateTime), (lives[1].ParticipantId, lives[1].FirstSeenAt));

        var movement = await w.MovementAsync();
        Assert.Equal((1, 1, 0), (movement.Total.New, movement.Total.Carried, movement.Total.PutRight));
        Assert.Equal(1, movement.Total.LongestCarriedWeeks);

        // The first victim is assessed: their finding is put right at the next sweep, the second stays open.
        w.App.Clock.Advance(TimeSpan.FromHours(1));
        await using (var db = w.App.CreateDbContext())
        {
            var guidance = await db.GuidanceVersions.Select(v => v.Id).FirstAsync();
            var b = new CaseBuilder(db, guidance, w.App.Clock.GetUtcNow().UtcDateTime);
            b.Assess(caseId, await db.CaseParticipants.SingleAsync(p => p.Id == victim), RiskLevel.Low, createdDaysAgo: 0);
            await db.SaveChangesAsync();
        }

        await w.SweepAsync();
        lives = (await w.LivesAsync()).Where(l => l.Rule == ComplianceRule.VictimWithoutAssessment).ToList();
        Assert.Equal(w.App.Clock.GetUtcNow().UtcDateTime, lives[0].PutRightAt);
        Assert.Null(lives[1].PutRightAt);
        movement = await w.MovementAsync();
        Assert.Equal((1, 0, 1), (movement.Total.New, movement.Total.Carried, movement.Total.PutRight));
        var officer = Assert.Single(movement.ByOfficer);
        Assert.Equal(("PC Alpha", 1, 0, 1), (officer.Name, officer.New, officer.Carried, officer.PutRight));
    }

    [Fact]
    public async Task AClosedCasesFindingsArePutRightAndAReturningFindingStartsANewLife()
    {
        await using var w = await World.CreateAsync();
        var (caseId, _) = await VictimCaseAsync(w, "ASB-2026-000902", w.LeadA);
        await w.SweepAsync();

        w.App.Clock.Advance(TimeSpan.FromHours(2));
        await using (var db = w.App.CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed));
        }

        await w.SweepAsync();
        Assert.All(await w.LivesAsync(), l => Assert.Equal(w.App.Clock.GetUtcNow().UtcDateTime, l.PutRightAt));

        w.App.Clock.Advance(TimeSpan.FromHours(2));
        await using (var db = w.App.CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Open));
        }

        await w.SweepAsync();
        var lives = (await w.LivesAsync()).Where(l => l.Rule == ComplianceRule.VictimWithoutAssessment).ToList();
        Assert.Equal(2, lives.Count);
        Assert.NotNull(lives[0].PutRightAt);
        Assert.Equal((w.App.Clock.GetUtcNow().UtcDateTime, (DateTime?)null), (lives[1].FirstSeenAt, lives[1].PutRightAt));
    }

    [Fact]
    public async Task TheOwnerFollowsTheCasesLeadOfficerAtTheNextSweep()
    {
        await using var w = await World.CreateAsync();
        var (caseId, _) = await VictimCaseAsync(w, "ASB-2026-000903", w.LeadA);
        await w.SweepAsync();
        Assert.All(await w.LivesAsync(), l => Assert.Equal(w.LeadA, l.OwnerUserId));

        await using (var db = w.App.CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LeadOfficerId, w.LeadB));
        }

        w.App.Clock.Advance(TimeSpan.FromMinutes(15));
        await w.SweepAsync();
        var lives = await w.LivesAsync();
        Assert.NotEmpty(lives);
        Assert.All(lives, l => Assert.Equal(w.LeadB, l.OwnerUserId));
        Assert.All(lives, l => Assert.Equal(Monday.UtcDateTime, l.FirstSeenAt));
    }

    [Fact]
    public async Task TheBackfillMakesOneLifePerUnbrokenRunOfSnapshotsAndTheNextSweepHandsItToThePerson()
    {
        await using var w = await World.CreateAsync();
        var (keptId, victim) = await VictimCaseAsync(w, "ASB-2026-000904", w.LeadA);
        var (gapId, _) = await VictimCaseAsync(w, "ASB-2026-000905", w.LeadB);
        var weeks = new[] { Monday.UtcDateTime.AddDays(-14), Monday.UtcDateTime.AddDays(-7), Monday.UtcDateTime };
        await using (var db = w.App.CreateDbContext())
        {
            for (var i = 0; i < weeks.Length; i++)
            {
                var snapshot = new ComplianceSnapshot { TakenAt = weeks[i], IsWeekly = true, IsoWeek = ComplianceWeek.Of(weeks[i]).Key };
                snapshot.Findings.Add(Finding(keptId, w.AreaId, weeks[i]));
                if (i != 1)
                {
                    snapshot.Findings.Add(Finding(gapId, w.AreaId, weeks[i]));
                }

                db.ComplianceSnapshots.Add(snapshot);
            }

            // A sweep whose findings were pruned: it must not read as everything put right.
            db.ComplianceSnapshots.Add(new ComplianceSnapshot { TakenAt = weeks[1].AddDays(1) });
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(FindingLifeBackfill.Sql);
        }

        var lives = await w.LivesAsync();
        Assert.Equal(
            [(keptId, weeks[0], (DateTime?)null), (gapId, weeks[0], weeks[1]), (gapId, weeks[2], null)],
            lives.OrderBy(l => l.CaseId).ThenBy(l => l.FirstSeenAt).Select(l => (l.CaseId, l.FirstSeenAt, l.PutRightAt)));
        Assert.All(lives, l => Assert.Equal(FindingLife.WholeCase, l.ParticipantId));

        w.App.Clock.Advance(TimeSpan.FromHours(1));
        await w.SweepAsync();
        var kept = Assert.Single(await w.LivesAsync(), l => l.CaseId == keptId && l.Rule == ComplianceRule.VictimWithoutAssessment);
        Assert.Equal((victim, weeks[0], (DateTime?)null), (kept.ParticipantId, kept.FirstSeenAt, kept.PutRightAt));
    }

    private static ComplianceFinding Finding(long caseId, int areaId, DateTime at) => new()
    {
        CaseId = caseId,
        AreaId = areaId,
        Rule = ComplianceRule.VictimWithoutAssessment,
        Detail = "victim",
        Since = at.AddDays(-2),
    };
}
