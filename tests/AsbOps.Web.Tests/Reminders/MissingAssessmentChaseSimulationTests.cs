using AsbOps.Domain.Compliance;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Reminders;

/// <summary>
/// Three simulated weeks, an hour at a time, of the real sweep, chase and outbox on a real SQLite file, delivering to
/// the in-process SMTP server: rule 1's finding is first seen when its 24-hour grace runs out, then the lead officer
/// is chased a day later, the sergeant at three days and the inspector at seven.
/// </summary>
public sealed class MissingAssessmentChaseSimulationTests
{
    private static readonly ChaseStep[] EveryStep = [ChaseStep.LeadOfficer, ChaseStep.Sergeant, ChaseStep.Inspector];

    private static readonly string[] EveryRecipient = [ChaseWorld.LeadEmail, ChaseWorld.SergeantEmail, ChaseWorld.InspectorEmail];

    [Fact]
    public async Task TheLeadOfficerThenTheSergeantThenTheInspectorAreChasedOnceEachOnTheirDay()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        await using var app = ChaseWorld.App(new FakeTimeProvider(ChaseWorld.Start), smtp.Port);
        await ChaseWorld.SeedAsync(app);

        await ChaseWorld.RunHoursAsync(21 * 24, app);

        var sent = await ChaseWorld.SentAsync(app);
        Assert.Equal(EveryStep, sent.Select(s => s.Step));
        Assert.Equal(EveryRecipient, sent.Select(s => s.To));
        Assert.Equal([1.0, 3.0, 7.0], sent.Select(s => Math.Round(s.Day, 1)));
        Assert.Equal(EveryRecipient, ChaseWorld.Received(smtp).Select(r => r.To));
        Assert.All(ChaseWorld.Received(smtp), r => Assert.Contains(ChaseWorld.CaseRef, r.Subject));
        Assert.Contains("escalated to the inspector", ChaseWorld.Received(smtp)[2].Subject);
    }

    [Fact]
    public async Task NothingMoreIsSentAfterTheFindingIsPutRight()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        await using var app = ChaseWorld.App(new FakeTimeProvider(ChaseWorld.Start), smtp.Port);
        var victim = await ChaseWorld.SeedAsync(app);
        await ChaseWorld.RunHoursAsync(3 * 24, app);

        await ChaseWorld.AssessVictimAsync(app, victim);
        await ChaseWorld.RunHoursAsync(18 * 24, app);

        Assert.Equal([ChaseStep.LeadOfficer], (await ChaseWorld.SentAsync(app)).Select(s => s.Step));
        Assert.Equal([ChaseWorld.LeadEmail], ChaseWorld.Received(smtp).Select(r => r.To));
        Assert.Equal(1, await ChaseWorld.ChaseEmailsAsync(app));
    }

    [Fact]
    public async Task ARestartHalfwayOnTheSameDatabaseSendsEveryStepOnceAndNoneTwice()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "asbops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "chase-restart.db");
        var clock = new FakeTimeProvider(ChaseWorld.Start);
        try
        {
            await using (var before = ChaseWorld.App(clock, smtp.Port, database))
            {
                await ChaseWorld.SeedAsync(before);
                await ChaseWorld.RunHoursAsync((4 * 24) + 5, before);
            }

            await using var after = ChaseWorld.App(clock, smtp.Port, database);
            await ChaseWorld.RunHoursAsync((17 * 24) - 5, after);

            Assert.Equal(EveryStep, (await ChaseWorld.SentAsync(after)).Select(s => s.Step));
            Assert.Equal(EveryRecipient, ChaseWorld.Received(smtp).Select(r => r.To));
            Assert.Equal(3, await ChaseWorld.ChaseEmailsAsync(after));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabaseChasingEveryHourSendEachStepOnce()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "asbops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "chase-two.db");
        var clock = new FakeTimeProvider(ChaseWorld.Start);
        try
        {
            await using var first = ChaseWorld.App(clock, smtp.Port, database);
            await ChaseWorld.SeedAsync(first);
            await using var second = ChaseWorld.App(clock, smtp.Port, database);

            await ChaseWorld.RunHoursAsync(21 * 24, first, second);

            Assert.Equal(EveryStep, (await ChaseWorld.SentAsync(first)).Select(s => s.Step));
            Assert.Equal(EveryRecipient, ChaseWorld.Received(smtp).Select(r => r.To));
            Assert.Equal(3, await ChaseWorld.ChaseEmailsAsync(first));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AfterAWeekDownOnlyTheLatestDueStepIsSent()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        await using var app = ChaseWorld.App(new FakeTimeProvider(ChaseWorld.Start), smtp.Port);
        await ChaseWorld.SeedAsync(app);
        await ChaseWorld.RunHoursAsync((2 * 24) + 2, app);

        // Down from day 1 of the finding to day 8: the sergeant's and the inspector's steps fall due unseen.
        app.Clock.Advance(TimeSpan.FromDays(7));
        await ChaseWorld.RunHoursAsync(5 * 24, app);

        Assert.Equal([ChaseStep.LeadOfficer, ChaseStep.Inspector], (await ChaseWorld.SentAsync(app)).Select(s => s.Step));
        Assert.Equal([ChaseWorld.LeadEmail, ChaseWorld.InspectorEmail], ChaseWorld.Received(smtp).Select(r => r.To));
    }

    [Fact]
    public async Task AfterTheCaseIsReassignedTheLeadOfficersStepGoesToTheNewLead()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        await using var app = ChaseWorld.App(new FakeTimeProvider(ChaseWorld.Start), smtp.Port);
        await ChaseWorld.SeedAsync(app);
        await ChaseWorld.RunHoursAsync(30, app);

        await using (var db = app.CreateDbContext())
        {
            var other = await db.Users.Where(u => u.Email == ChaseWorld.OtherLeadEmail).Select(u => u.Id).SingleAsync();
            await db.Cases.Where(c => c.Reference == ChaseWorld.CaseRef).ExecuteUpdateAsync(s => s.SetProperty(c => c.LeadOfficerId, other));
        }

        await ChaseWorld.RunHoursAsync(2 * 24, app);

        Assert.Equal([ChaseWorld.OtherLeadEmail], ChaseWorld.Received(smtp).Select(r => r.To));
    }
}
