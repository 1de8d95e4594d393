using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Tests.Compliance;
using AsbOps.Web.Tests.Data;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>The stored case standing on PostgreSQL: the migration's SQL, and two transactions changing one case at once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseStandingTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public Task TheMigrationsBackfillOnPostgresGivesEveryCaseAndIncidentWhatTheSavesStored() =>
        CaseStandingTests.BackfillGivesWhatTheSavesStoredAsync(app);

    [Fact]
    public Task EverySaveOnPostgresKeepsTheRoleAndLevelCountsOfPeople() => CasePeopleCountsTests.EverySaveKeepsTheCountsAsync(app, "PGPPL");

    [Fact]
    public Task ThePeopleCountsBackfillOnPostgresGivesEveryCaseTheCountsOfItsPeople() => CasePeopleCountsTests.BackfillGivesTheCountsAsync(app, "PGPPLFILL");

    [Fact]
    public Task TheStoredVictimContactDueOnPostgresFollowsVictimsAndPlans() => VictimContactDueTests.DueDateFollowsVictimsAndPlansAsync(app, "PGVCDUE");

    [Fact]
    public async Task TwoTransactionsAssessingTheTwoVictimsOfOneCaseAtOnceLeaveNoVictimUnassessed()
    {
        var area = (await app.AddAreaAsync("PGRACE")).Id;
        long caseId;
        long[] victims;
        int guidance;
        await using (var setup = app.CreateDbContext())
        {
            guidance = await setup.GuidanceVersions.Select(v => v.Id).FirstAsync();
            var b = new CaseBuilder(setup, guidance, Now);
            var c = b.Case(area, "ASB-2026-740001");
            b.Person(c, PersonRole.Victim);
            b.Person(c, PersonRole.Victim);
            await setup.SaveChangesAsync();
            caseId = c.Id;
            victims = [.. c.Participants.Select(p => p.Id)];
            Assert.True(await setup.Cases.Where(x => x.Id == caseId).Select(x => x.HasUnassessedVictim).SingleAsync());
        }

        // The first transaction assesses one victim and holds its commit; the second assesses the other and saves
        // while the first is still open, so it works out the standing only once the first has committed.
        await using var first = app.CreateDbContext();
        await using var firstTransaction = await first.Database.BeginTransactionAsync();
        first.Assessments.Add(Assessment(caseId, victims[0], guidance));
        await first.SaveChangesAsync();

        await using var second = app.CreateDbContext();
        await using var secondTransaction = await second.Database.BeginTransactionAsync();
        second.Assessments.Add(Assessment(caseId, victims[1], guidance));
        var secondSave = second.SaveChangesAsync();
        await WaitUntilASessionWaitsForALockAsync(secondSave);

        await firstTransaction.CommitAsync();
        await secondSave;
        await secondTransaction.CommitAsync();

        await using var check = app.CreateDbContext();
        Assert.False(await check.Cases.Where(x => x.Id == caseId).Select(x => x.HasUnassessedVictim).SingleAsync());
        Assert.Empty(await CaseStandingRefresh.Stale(check, check.Cases).ToListAsync());
    }

    private static Assessment Assessment(long caseId, long participantId, int guidance) => new()
    {
        CaseId = caseId,
        CaseParticipantId = participantId,
        Kind = AssessmentKind.Victim,
        GuidanceVersionId = guidance,
        Status = AssessmentStatus.Complete,
        CreatedAt = Now,
        CompletedAt = Now,
        CreatedByUserId = "test",
        IsCurrent = true,
        ComputedLevel = RiskLevel.Low,
        Level = RiskLevel.Low,
    };

    /// <summary>Polls pg_stat_activity (bounded) until a session of this database waits on a row lock.</summary>
    private async Task WaitUntilASessionWaitsForALockAsync(Task save)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var monitor = app.CreateDbContext();
        while (!save.IsCompleted)
        {
            var waiting = await monitor.Database
                .SqlQuery<int>($"SELECT COUNT(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .SingleAsync(timeout.Token);
            if (waiting > 0)
            {
                return;
            }
        }

        Assert.Fail("The second save finished while the first transaction still held the case: it did not wait for it.");
    }
}
