using AsbOps.Domain.CaseReviews;
using AsbOps.Web.Features.CaseReviews;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.CaseReviews;

/// <summary>
/// The clocks in working days on a fake clock over Christmas 2026: received Friday 18 December, acknowledgement is due
/// 5 working days later on Tuesday 29 December (Christmas Day, the weekend and the substitute Boxing Day, Monday 28,
/// are not working days), so the owner is reminded on Thursday 24 December and the inspector told on Wednesday 30.
/// </summary>
public sealed class CaseReviewClockTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Received = new(2026, 12, 18, 10, 0, 0, TimeSpan.Zero);
    private readonly ClockedAppFactory _app = new(new FakeTimeProvider(Received));
    private CaseReviewWorld _world = default!;

    public async Task InitializeAsync() => _world = await CaseReviewWorld.CreateAsync(_app, "CLOCK");

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<LogResult> LogAsync() =>
        await _app.Get<ApplicationLogger>().LogAsync(_world.Officer, _world.Input(Received.UtcDateTime));

    /// <summary>Runs the job every six hours until the day given (twice at once, as two instances would), noting the day of each email.</summary>
    private async Task<List<(string Key, string To, DateOnly Day)>> RunUntilAsync(DateTimeOffset until, Func<DateTimeOffset, Task>? onDay = null)
    {
        var clocks = _app.Get<CaseReviewClockService>();
        while (_app.Clock.GetUtcNow() < until)
        {
            _app.Clock.Advance(TimeSpan.FromHours(6));
            if (onDay is not null)
            {
                await onDay(_app.Clock.GetUtcNow());
            }

            await Task.WhenAll(clocks.RunAsync(), clocks.RunAsync());
        }

        await using var db = _app.CreateDbContext();
        return (await db.Outbox.Where(m => m.DedupKey.StartsWith("casereview:")).OrderBy(m => m.Id).ToListAsync())
            .Select(m => (m.DedupKey, m.To, DateOnly.FromDateTime(m.CreatedAt))).ToList();
    }

    [Fact]
    public async Task TheStepsAreDueInWorkingDaysAcrossChristmasAndTheWeekend()
    {
        var logged = await LogAsync();

        var detail = await _app.Get<CaseReviewQueries>().GetAsync(_world.Officer, logged.Reference);

        Assert.Equal(new DateOnly(2026, 12, 29), detail!.Steps.Single(s => s.Step == CaseReviewStep.Acknowledge).DueOn);
        Assert.Equal(new DateOnly(2026, 12, 24), detail.Steps.Single(s => s.Step == CaseReviewStep.Acknowledge).ReminderOn);
        Assert.Equal(new DateOnly(2027, 1, 6), detail.Steps.Single(s => s.Step == CaseReviewStep.Decide).DueOn);
    }

    [Fact]
    public async Task TheOwnerIsRemindedOnceTheWorkingDayBeforeAndTheInspectorToldOnceWhenOverdue()
    {
        var logged = await LogAsync();

        var sent = await RunUntilAsync(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var reminder = Assert.Single(sent, s => s.Key.EndsWith(":reminder", StringComparison.Ordinal));
        Assert.Equal($"casereview:{logged.Id}:Acknowledge:20261229:reminder", reminder.Key);
        Assert.Equal(_world.OfficerEmail, reminder.To);
        Assert.Equal(new DateOnly(2026, 12, 24), reminder.Day);
        var escalation = Assert.Single(sent, s => s.Key.EndsWith(":escalation", StringComparison.Ordinal));
        Assert.Equal($"casereview:{logged.Id}:Acknowledge:20261229:escalation", escalation.Key);
        Assert.Equal(_world.InspectorEmail, escalation.To);
        Assert.Equal(new DateOnly(2026, 12, 30), escalation.Day);
        Assert.Equal(2, sent.Count);
    }

    [Fact]
    public async Task AStepDoneInTimeIsNeverEscalatedAndTheNextStepIsRemindedInstead()
    {
        var logged = await LogAsync();
        var steps = _app.Get<CaseReviewSteps>();

        var sent = await RunUntilAsync(new DateTimeOffset(2027, 1, 6, 0, 0, 0, TimeSpan.Zero), async now =>
        {
            if (now.Date == new DateTime(2026, 12, 29) && now.Hour == 16)
            {
                var version = (await _app.Get<CaseReviewQueries>().GetAsync(_world.Officer, logged.Reference))!.Version;
                var result = await steps.AcknowledgeAsync(_world.Officer, logged.Id, version, new AcknowledgeInput { On = now.UtcDateTime.Date });
                Assert.True(result.Succeeded, result.Message);
            }
        });

        Assert.DoesNotContain(sent, s => s.Key.EndsWith(":escalation", StringComparison.Ordinal));
        Assert.Equal(
            [($"casereview:{logged.Id}:Acknowledge:20261229:reminder", new DateOnly(2026, 12, 24)), ($"casereview:{logged.Id}:Decide:20270106:reminder", new DateOnly(2027, 1, 5))],
            sent.Select(s => (s.Key, s.Day)).ToList());
    }
}
