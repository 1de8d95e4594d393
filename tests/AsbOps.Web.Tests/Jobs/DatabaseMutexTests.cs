using AsbOps.Web.Data;
using AsbOps.Web.Jobs;
using AsbOps.Web.Tests.Infrastructure;
using AsbOps.Web.Tests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Jobs;

public sealed class DatabaseMutexTests
{
    [Fact]
    public async Task TwoInstancesCannotHoldTheSameLeaseButAnExpiredLeaseCanBeTaken()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(ReminderWorld.Start));
        var dbFactory = app.Get<IDbContextFactory<AsbOpsDbContext>>();
        var first = new DatabaseMutex(dbFactory, app.Clock, new JobInstance());
        var second = new DatabaseMutex(dbFactory, app.Clock, new JobInstance());

        var firstTakes = first.TryGetLock("compliance-sweep", 5);
        var secondWhileHeld = second.TryGetLock("compliance-sweep", 5);
        var otherKey = second.TryGetLock("outbox-dispatch", 5);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        var secondAfterExpiry = second.TryGetLock("compliance-sweep", 5);
        var firstNow = first.TryGetLock("compliance-sweep", 5);

        Assert.True(firstTakes);
        Assert.False(secondWhileHeld);
        Assert.True(otherKey);
        Assert.True(secondAfterExpiry);
        Assert.False(firstNow);
    }

    [Fact]
    public async Task AnInstanceCannotTakeALeaseItStillHoldsSoItsRunsNeverOverlap()
    {
        // Found by the soak benchmark: a slow outbox run still held the lease when the next tick came, the same
        // instance took it again, and both runs sent the same emails.
        await using var app = new ClockedAppFactory(new FakeTimeProvider(ReminderWorld.Start));
        var dbFactory = app.Get<IDbContextFactory<AsbOpsDbContext>>();
        var instance = new DatabaseMutex(dbFactory, app.Clock, new JobInstance());

        var firstRun = instance.TryGetLock("outbox-dispatch", 5);
        var nextTickWhileRunning = instance.TryGetLock("outbox-dispatch", 5);
        instance.Release("outbox-dispatch");
        var nextTickAfterRelease = instance.TryGetLock("outbox-dispatch", 5);

        Assert.True(firstRun);
        Assert.False(nextTickWhileRunning);
        Assert.True(nextTickAfterRelease);
    }

    [Fact]
    public async Task OnlyTheHolderReleasesALease()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(ReminderWorld.Start));
        var dbFactory = app.Get<IDbContextFactory<AsbOpsDbContext>>();
        var holder = new DatabaseMutex(dbFactory, app.Clock, new JobInstance());
        var other = new DatabaseMutex(dbFactory, app.Clock, new JobInstance());
        holder.TryGetLock("weekly", 5);

        other.Release("weekly");
        var takenAfterForeignRelease = other.TryGetLock("weekly", 5);
        holder.Release("weekly");
        var takenAfterRelease = other.TryGetLock("weekly", 5);

        Assert.False(takenAfterForeignRelease);
        Assert.True(takenAfterRelease);
    }

    [Fact]
    public async Task RacingInstancesGetTheLeaseOnceBetweenThem()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(ReminderWorld.Start));
        var dbFactory = app.Get<IDbContextFactory<AsbOpsDbContext>>();
        var mutexes = Enumerable.Range(0, 6).Select(_ => new DatabaseMutex(dbFactory, app.Clock, new JobInstance())).ToList();

        var taken = await Task.WhenAll(mutexes.Select(m => Task.Run(() => m.TryGetLock("race", 5))));

        Assert.Equal(1, taken.Count(t => t));
    }
}
