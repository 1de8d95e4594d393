using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Reminders;

/// <summary>Sixty simulated days, an hour at a time, with the real reminder service and outbox on a real SQLite file.</summary>
public sealed class UnknownAnswerReminderSimulationTests
{
    private static readonly int[] EverySchedule = [4, 7, 10, 14, 21, 28, 35, 42, 49, 56];

    [Fact]
    public async Task RemindersGoOutOnDays4To14ThenWeeklyUntilTheUnknownIsAnswered()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(ReminderWorld.Start));
        var assessment = await ReminderWorld.SeedAsync(app);

        await ReminderWorld.RunHoursAsync(app, 60 * 24);

        var sent = await ReminderWorld.SentAsync(app, assessment);
        Assert.Equal(EverySchedule, sent.Select(s => s.Step));
        Assert.All(sent, s => Assert.InRange(s.Day, s.Step, s.Step + (1.0 / 24) + 1e-9));
        Assert.Equal(EverySchedule.Length, await ReminderWorld.ReminderEmailsAsync(app));
    }

    [Fact]
    public async Task NoReminderGoesOutAfterTheLastUnknownIsAnswered()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(ReminderWorld.Start));
        var assessment = await ReminderWorld.SeedAsync(app);
        await ReminderWorld.RunHoursAsync(app, 12 * 24);

        await ReminderWorld.AnswerAsync(app, assessment);
        await ReminderWorld.RunHoursAsync(app, 48 * 24);

        Assert.Equal([4, 7, 10], (await ReminderWorld.SentAsync(app, assessment)).Select(s => s.Step));
        Assert.Equal(3, await ReminderWorld.ReminderEmailsAsync(app));
    }

    [Fact]
    public async Task ARestartHalfwaySendsEveryStepOnceAndNoneTwice()
    {
        var folder = Path.Combine(Path.GetTempPath(), "asbops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "restart.db");
        var clock = new FakeTimeProvider(ReminderWorld.Start);
        long assessment;
        await using (var before = new ClockedAppFactory(clock, database))
        {
            assessment = await ReminderWorld.SeedAsync(before);
            await ReminderWorld.RunHoursAsync(before, 30 * 24 + 5);
        }

        try
        {
            await using var after = new ClockedAppFactory(clock, database);
            await ReminderWorld.RunHoursAsync(after, 30 * 24 - 5);

            Assert.Equal(EverySchedule, (await ReminderWorld.SentAsync(after, assessment)).Select(s => s.Step));
            Assert.Equal(EverySchedule.Length, await ReminderWorld.ReminderEmailsAsync(after));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TwoRunsRacingEveryHourQueueEachStepOnce()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(ReminderWorld.Start));
        var assessment = await ReminderWorld.SeedAsync(app);

        await ReminderWorld.RunHoursAsync(app, 60 * 24, race: true);

        Assert.Equal(EverySchedule, (await ReminderWorld.SentAsync(app, assessment)).Select(s => s.Step));
        Assert.Equal(EverySchedule.Length, await ReminderWorld.ReminderEmailsAsync(app));
    }

    [Fact]
    public async Task AfterNineDaysDownOnlyTheLatestDueStepIsSent()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(ReminderWorld.Start));
        var assessment = await ReminderWorld.SeedAsync(app);
        await ReminderWorld.RunHoursAsync(app, 4 * 24 + 2);

        // Down from day 4 to day 13: steps 7 and 10 fall due unseen.
        app.Clock.Advance(TimeSpan.FromDays(9));
        await ReminderWorld.RunHoursAsync(app, 1);

        Assert.Equal([4, 10], (await ReminderWorld.SentAsync(app, assessment)).Select(s => s.Step));
        await ReminderWorld.RunHoursAsync(app, 2 * 24);
        Assert.Equal([4, 10, 14], (await ReminderWorld.SentAsync(app, assessment)).Select(s => s.Step));
    }
}
