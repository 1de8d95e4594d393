using AsbOps.Web.Data;
using AsbOps.Web.Jobs;
using AsbOps.Web.Tests.Jobs;
using AsbOps.Web.Tests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>The job lease (Coravel's mutex) between instances sharing one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresJobLeaseTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    private readonly FakeTimeProvider _clock = new(ReminderWorld.Start);

    private DatabaseMutex NewInstance() =>
        new(app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>(), _clock, new JobInstance());

    [Fact]
    public void ASecondInstanceCannotTakeAHeldLeaseUntilItLapses()
    {
        var first = NewInstance();
        var second = NewInstance();

        var firstTakes = first.TryGetLock("pg-sweep", 5);
        var secondWhileHeld = second.TryGetLock("pg-sweep", 5);
        _clock.Advance(TimeSpan.FromMinutes(6));
        var secondAfterExpiry = second.TryGetLock("pg-sweep", 5);
        var firstNow = first.TryGetLock("pg-sweep", 5);
        second.Release("pg-sweep");
        var firstAfterRelease = first.TryGetLock("pg-sweep", 5);

        Assert.Equal((true, false, true, false, true), (firstTakes, secondWhileHeld, secondAfterExpiry, firstNow, firstAfterRelease));
    }

    [Fact]
    public async Task RacingInstancesGetTheLeaseOnceBetweenThem()
    {
        var mutexes = Enumerable.Range(0, 6).Select(_ => NewInstance()).ToList();

        var taken = await Task.WhenAll(mutexes.Select(m => Task.Run(() => m.TryGetLock("pg-race", 5))));

        Assert.Equal(1, taken.Count(t => t));
    }
}
