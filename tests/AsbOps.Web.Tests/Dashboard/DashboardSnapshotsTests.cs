using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Dashboard;

public sealed class DashboardSnapshotsTests
{
    private readonly OpsNotifier _notifier = new(NullLogger<OpsNotifier>.Instance);
    private readonly FakeTimeProvider _clock = new();
    private readonly FakeDashboardQueries _queries = new();
    private int _computed;

    private DashboardSnapshots CreateSnapshots() => new(_notifier, _clock);

    private Task<OpsDashboardData> ComputeAsync(int? areaId)
    {
        Interlocked.Increment(ref _computed);
        return _queries.LoadAsync(areaId);
    }

    [Fact]
    public async Task ReadersOfAScopeShareOneSnapshotWhileNothingChanges()
    {
        var snapshots = CreateSnapshots();

        var first = await snapshots.GetAsync(1, false, () => ComputeAsync(1));
        var second = await snapshots.GetAsync(1, false, () => ComputeAsync(1));

        Assert.Same(first, second);
        Assert.Equal(1, _computed);
    }

    [Fact]
    public async Task EachScopeHasItsOwnSnapshot()
    {
        var snapshots = CreateSnapshots();

        await snapshots.GetAsync(1, false, () => ComputeAsync(1));
        await snapshots.GetAsync(2, false, () => ComputeAsync(2));
        await snapshots.GetAsync(null, false, () => ComputeAsync(null));

        Assert.Equal([1, 2, null], _queries.LoadedAreas);
    }

    [Fact]
    public async Task APublishedChangeMakesTheNextReaderRecompute()
    {
        var snapshots = CreateSnapshots();
        var before = await snapshots.GetAsync(1, false, () => ComputeAsync(1));

        _notifier.Publish(new OpsChange(OpsChangeKind.AssessmentSaved, "NORTH", "ASB-2026-000001"));
        var after = await snapshots.GetAsync(1, false, () => ComputeAsync(1));

        Assert.NotSame(before, after);
        Assert.Equal(2, _computed);
    }

    [Fact]
    public async Task ASnapshotIsRecomputedAfterItsMaximumAgeWithoutAnyChange()
    {
        var snapshots = CreateSnapshots();
        await snapshots.GetAsync(1, false, () => ComputeAsync(1));

        _clock.Advance(DashboardSnapshots.MaxAge - TimeSpan.FromSeconds(1));
        await snapshots.GetAsync(1, false, () => ComputeAsync(1));
        Assert.Equal(1, _computed);

        _clock.Advance(TimeSpan.FromSeconds(1));
        await snapshots.GetAsync(1, false, () => ComputeAsync(1));
        Assert.Equal(2, _computed);
    }

    [Fact]
    public async Task ReadersArrivingDuringAComputationShareIt()
    {
        var snapshots = CreateSnapshots();
        var release = new TaskCompletionSource<OpsDashboardData>(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = snapshots.GetAsync(1, false, () => { Interlocked.Increment(ref _computed); return release.Task; });
        var second = snapshots.GetAsync(1, false, () => ComputeAsync(1));
        release.SetResult(await _queries.LoadAsync(1));

        Assert.Same(await first, await second);
        Assert.Equal(1, _computed);
    }

    [Fact]
    public async Task AComputationThatStartedBeforeAChangeIsNotServedAfterIt()
    {
        var snapshots = CreateSnapshots();
        var release = new TaskCompletionSource<OpsDashboardData>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stale = snapshots.GetAsync(1, false, () => { Interlocked.Increment(ref _computed); return release.Task; });

        _notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, "NORTH", "ASB-2026-000001"));
        release.SetResult(await _queries.LoadAsync(1));
        var staleData = await stale;
        var fresh = await snapshots.GetAsync(1, false, () => ComputeAsync(1));

        Assert.NotSame(staleData, fresh);
        Assert.Equal(2, _computed);
    }

    [Fact]
    public async Task AFailedComputationIsNotKept()
    {
        var snapshots = CreateSnapshots();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            snapshots.GetAsync(1, false, () => Task.FromException<OpsDashboardData>(new InvalidOperationException("database gone"))));
        var data = await snapshots.GetAsync(1, false, () => ComputeAsync(1));

        Assert.NotNull(data);
        Assert.Equal(1, _computed);
    }
}
