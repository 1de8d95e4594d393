using System.Collections.Concurrent;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Live;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The dashboard snapshot of each scope, computed once per committed change and served from memory to every dashboard
/// and wallboard of that scope until the next one. A snapshot is kept under the <see cref="OpsNotifier.Version"/> read
/// before it was computed, so one that may have missed a change is never served; it is also recomputed after
/// <see cref="MaxAge"/>, because reviews fall due with the clock alone. Readers who arrive while a snapshot is being
/// computed share that computation; a failed one is not kept.
/// </summary>
public sealed class DashboardSnapshots(OpsNotifier notifier, TimeProvider clock)
{
    /// <summary>As often as the hub's counters are checked without a change (<see cref="OpsBroadcaster.Heartbeat"/>).</summary>
    public static readonly TimeSpan MaxAge = OpsBroadcaster.Heartbeat;

    private readonly ConcurrentDictionary<(int? AreaId, bool AreaInRoleLinks), Snapshot> _snapshots = new();

    public async Task<OpsDashboardData> GetAsync(
        int? areaId, bool areaInRoleLinks, Func<Task<OpsDashboardData>> compute, CancellationToken cancellationToken = default)
    {
        var key = (areaId, areaInRoleLinks);
        while (true)
        {
            var version = notifier.Version;
            var now = clock.GetUtcNow();
            var held = _snapshots.GetValueOrDefault(key);
            var current = held is not null && held.Version == version && now - held.StartedAt < MaxAge;
            if (!current)
            {
                // Started only by the reader whose snapshot is kept, and not under its token: others may share it.
                var fresh = new Snapshot(version, now, new Lazy<Task<OpsDashboardData>>(() => Task.Run(compute, CancellationToken.None)));
                var kept = held is null ? _snapshots.TryAdd(key, fresh) : _snapshots.TryUpdate(key, fresh, held);
                if (!kept)
                {
                    continue;
                }

                held = fresh;
            }

            try
            {
                return await held!.Data.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (current && !cancellationToken.IsCancellationRequested && held!.Data.Value.IsFaulted)
            {
                // The computation this reader joined had failed: it is dropped, and this reader computes afresh.
                _snapshots.TryRemove(new KeyValuePair<(int?, bool), Snapshot>(key, held!));
            }
        }
    }

    private sealed record Snapshot(long Version, DateTimeOffset StartedAt, Lazy<Task<OpsDashboardData>> Data);
}
