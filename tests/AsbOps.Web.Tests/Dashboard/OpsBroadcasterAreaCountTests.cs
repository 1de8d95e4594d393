using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Live;
using AsbOps.Web.Telemetry;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Dashboard;

/// <summary>
/// The broadcaster counts again only the areas its changes name and merges them into the counters it holds; whatever
/// it cannot place (no area, an area unknown to it, a sweep, the heartbeat) counts the whole force. Driven with a fake
/// clock, stand-in counts per area and a hub that records what it sends.
/// </summary>
public sealed class OpsBroadcasterAreaCountTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly AreaCountingQueries _queries = new();
    private readonly RecordingHub _hub = new();
    private readonly OpsNotifier _notifier = new(NullLogger<OpsNotifier>.Instance);
    private readonly OpsChangeOrigin _origin = new();
    private readonly ServiceProvider _services;
    private readonly OpsBroadcaster _broadcaster;

    public OpsBroadcasterAreaCountTests()
    {
        _services = new ServiceCollection()
            .AddMetrics()
            .AddScoped<IOpsDashboardQueries>(_ => _queries)
            .BuildServiceProvider();
        _broadcaster = new OpsBroadcaster(_notifier, _services.GetRequiredService<IServiceScopeFactory>(), null!, _hub, _origin,
            new AsbOpsMetrics(_services.GetRequiredService<IMeterFactory>()), _clock, NullLogger<OpsBroadcaster>.Instance);
    }

    public async Task InitializeAsync()
    {
        _queries.Set("NORTH", awaiting: 1);
        _queries.Set("SOUTH", awaiting: 2);
        _queries.Set("WEST", awaiting: 3);
        _queries.Set("EAST", awaiting: 4);
        var first = _hub.NextAsync(c => c.AwaitingScreening == 10);
        await _broadcaster.StartAsync(CancellationToken.None);
        Assert.Equal(new[] { "NORTH", "SOUTH", "WEST", "EAST" }, (await first).ByArea.Keys);
        Assert.Equal(new int?[] { null }, _queries.TakeCounted());
    }

    public async Task DisposeAsync()
    {
        await _broadcaster.StopAsync(CancellationToken.None);
        _broadcaster.Dispose();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task A_change_in_one_area_counts_that_area_again_and_sums_the_force_from_the_rest()
    {
        _queries.Set("SOUTH", awaiting: 5);
        // Moved without a change being published: a count of the whole force would show it, a count of SOUTH does not.
        _queries.Set("WEST", awaiting: 30);
        var next = _hub.NextAsync(c => c.ByArea["SOUTH"].AwaitingScreening == 5);
        Publish(new OpsChange(OpsChangeKind.CaseChanged, "SOUTH"));
        var pushed = await next;

        Assert.Equal(new int?[] { 2 }, _queries.TakeCounted());
        Assert.Equal(1 + 5 + 3 + 4, pushed.AwaitingScreening);
        Assert.Equal(3, pushed.ByArea["WEST"].AwaitingScreening);
        Assert.Equal(new[] { "NORTH", "SOUTH", "WEST", "EAST" }, pushed.ByArea.Keys);
        Assert.Equal(pushed, _broadcaster.Latest);
        Assert.Contains(_hub.Sent, s => s.Group == OpsHub.AreaGroup("SOUTH") && s.Counters.AwaitingScreening == 5);
        Assert.DoesNotContain(_hub.Sent, s => s.Group == OpsHub.AreaGroup("NORTH") && s.Counters.At == pushed.At);
    }

    [Fact]
    public async Task Changes_in_more_than_half_the_areas_count_the_force_and_the_heartbeat_catches_what_no_change_named()
    {
        _queries.Set("EAST", awaiting: 40);
        _queries.Set("NORTH", awaiting: 10);
        _queries.Set("SOUTH", awaiting: 20);
        _queries.Set("WEST", awaiting: 30);
        var burst = _hub.NextAsync(c => c.ByArea["EAST"].AwaitingScreening == 40);
        // Within the window of the first count (the clock has not moved), so the three are counted together.
        _notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, "NORTH"));
        _notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, "SOUTH"));
        _notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, "WEST"));
        _clock.Advance(OpsBroadcaster.Window);
        Assert.Equal(100, (await burst).AwaitingScreening);
        Assert.Equal(new int?[] { null }, _queries.TakeCounted());

        _queries.Set("EAST", awaiting: 50);
        var beat = _hub.NextAsync(c => c.ByArea["EAST"].AwaitingScreening == 50);
        _clock.Advance(OpsBroadcaster.Heartbeat);
        Assert.Equal(110, (await beat).AwaitingScreening);
        Assert.Equal(new int?[] { null }, _queries.TakeCounted());
    }

    [Fact]
    public async Task A_change_naming_no_area_or_an_area_not_yet_known_counts_the_whole_force()
    {
        _queries.Set("WEST", awaiting: 30);
        var force = _hub.NextAsync(c => c.ByArea["WEST"].AwaitingScreening == 30);
        Publish(new OpsChange(OpsChangeKind.CaseChanged, null));
        await force;
        Assert.Equal(new int?[] { null }, _queries.TakeCounted());

        _queries.Set("CENTRAL", awaiting: 7);
        var withCentral = _hub.NextAsync(c => c.ByArea.ContainsKey("CENTRAL"));
        Publish(new OpsChange(OpsChangeKind.IncidentReceived, "CENTRAL"));
        Assert.Equal(1 + 2 + 30 + 4 + 7, (await withCentral).AwaitingScreening);
        Assert.Equal(new int?[] { null }, _queries.TakeCounted());

        // Known from that count on: counted on its own.
        _queries.Set("CENTRAL", awaiting: 8);
        var central = _hub.NextAsync(c => c.ByArea["CENTRAL"].AwaitingScreening == 8);
        Publish(new OpsChange(OpsChangeKind.CaseChanged, "CENTRAL"));
        await central;
        Assert.Equal(new int?[] { 5 }, _queries.TakeCounted());
    }

    [Fact]
    public async Task An_area_whose_count_failed_is_counted_with_the_next_change()
    {
        _queries.FailArea = 2;
        _queries.Set("SOUTH", awaiting: 5);
        Publish(new OpsChange(OpsChangeKind.CaseChanged, "SOUTH"));
        await _queries.FailedAsync.WaitAsync(Wait);
        _queries.FailArea = null;

        _queries.Set("NORTH", awaiting: 6);
        var next = _hub.NextAsync(c => c.ByArea["NORTH"].AwaitingScreening == 6);
        Publish(new OpsChange(OpsChangeKind.CaseChanged, "NORTH"));
        var pushed = await next;

        Assert.Equal(5, pushed.ByArea["SOUTH"].AwaitingScreening);
        Assert.Equal(6 + 5 + 3 + 4, pushed.AwaitingScreening);
        Assert.Equal(new int?[] { 1, 2 }, _queries.TakeCounted().Order());
    }

    [Fact]
    public async Task Another_instances_change_is_counted_for_a_greeting_in_its_area_only_and_not_sent()
    {
        _queries.Set("WEST", awaiting: 30);
        _queries.Set("SOUTH", awaiting: 9);
        var remote = new OpsChange(OpsChangeKind.CaseChanged, "SOUTH");
        _origin.MarkRemote(remote);
        var sentBefore = _hub.Sent.Count;
        Publish(remote);
        Assert.Equal(1, _broadcaster.RemoteChangesHeard);

        var greeting = await _broadcaster.GreetingAsync(CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(9, greeting!.ByArea["SOUTH"].AwaitingScreening);
        Assert.Equal(3, greeting.ByArea["WEST"].AwaitingScreening);
        Assert.Equal(new int?[] { 2 }, _queries.TakeCounted());
        Assert.Equal(sentBefore, _hub.Sent.Count);
    }

    [Fact]
    public async Task A_received_incident_counts_only_the_incidents_awaiting_screening_of_its_area()
    {
        _queries.Set("SOUTH", awaiting: 5, open: 70);
        var next = _hub.NextAsync(c => c.ByArea["SOUTH"].AwaitingScreening == 5);
        Publish(new OpsChange(OpsChangeKind.IncidentReceived, "SOUTH"));
        var pushed = await next;

        // One grouped count of the area's waiting incidents; its open cases are as last counted (no case changed).
        Assert.Empty(_queries.TakeCounted());
        Assert.Equal(new[] { "2" }, _queries.TakeAwaitingCounted());
        Assert.Equal(0, pushed.ByArea["SOUTH"].OpenCases);
        Assert.Equal(1 + 5 + 3 + 4, pushed.AwaitingScreening);
        Assert.Contains(_hub.Sent, s => s.Group == OpsHub.AreaGroup("SOUTH") && s.Counters.AwaitingScreening == 5);

        // A case change in one area and incidents in two others, in one window: the case's area is counted in full,
        // the others' waiting incidents in one count.
        _queries.Set("NORTH", awaiting: 6);
        _queries.Set("WEST", awaiting: 7, open: 90);
        var both = _hub.NextAsync(c => c.ByArea["SOUTH"].OpenCases == 70 && c.ByArea["NORTH"].AwaitingScreening == 6);
        _notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, "NORTH"));
        _notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, "SOUTH"));
        _notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, "SOUTH"));
        _notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, "WEST"));
        _clock.Advance(OpsBroadcaster.Window);
        var merged = await both;

        Assert.Equal(new int?[] { 2 }, _queries.TakeCounted());
        Assert.Equal(new[] { "1,3" }, _queries.TakeAwaitingCounted());
        Assert.Equal(7, merged.ByArea["WEST"].AwaitingScreening);
        Assert.Equal(0, merged.ByArea["WEST"].OpenCases);
        Assert.Equal(70, merged.OpenCases);
        Assert.Equal(6 + 5 + 7 + 4, merged.AwaitingScreening);
    }

    [Fact]
    public async Task Waiting_incidents_whose_count_failed_are_counted_with_the_next_change()
    {
        _queries.FailAwaiting = true;
        _queries.Set("EAST", awaiting: 8);
        Publish(new OpsChange(OpsChangeKind.IncidentReceived, "EAST"));
        await _queries.FailedAsync.WaitAsync(Wait);
        _queries.FailAwaiting = false;

        _queries.Set("NORTH", awaiting: 9);
        var next = _hub.NextAsync(c => c.ByArea["NORTH"].AwaitingScreening == 9);
        Publish(new OpsChange(OpsChangeKind.IncidentReceived, "NORTH"));
        var pushed = await next;

        Assert.Equal(8, pushed.ByArea["EAST"].AwaitingScreening);
        Assert.Equal(9 + 2 + 3 + 8, pushed.AwaitingScreening);
        Assert.Empty(_queries.TakeCounted());
    }

    private void Publish(OpsChange change)
    {
        _notifier.Publish(change);
        // Past the coalescing window, so the count is not held back by the one before.
        _clock.Advance(OpsBroadcaster.Window);
    }

    /// <summary>Counters per area from a table the test sets; records each count's scope (null = force-wide).</summary>
    private sealed class AreaCountingQueries : IOpsDashboardQueries
    {
        private readonly ConcurrentDictionary<string, int> _awaiting = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<int?> _counted = new();
        private readonly ConcurrentQueue<string> _awaitingCounted = new();
        private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _codes = [];

        public int? FailArea { get; set; }

        public bool FailAwaiting { get; set; }

        public Task FailedAsync => _failed.Task;

        public void Set(string code, int awaiting, int open = 0)
        {
            lock (_codes)
            {
                if (!_codes.Contains(code))
                {
                    _codes.Add(code);
                }
            }

            _awaiting[code] = awaiting;
            _open[code] = open;
        }

        /// <summary>The area ids of each count of waiting incidents alone, sorted and comma-joined.</summary>
        public List<string> TakeAwaitingCounted()
        {
            var taken = new List<string>();
            while (_awaitingCounted.TryDequeue(out var ids))
            {
                taken.Add(ids);
            }

            return taken;
        }

        public List<int?> TakeCounted()
        {
            var taken = new List<int?>();
            while (_counted.TryDequeue(out var scope))
            {
                taken.Add(scope);
            }

            return taken;
        }

        private IReadOnlyList<AreaInfo> Known()
        {
            lock (_codes)
            {
                return _codes.Select((code, i) => new AreaInfo(i + 1, code, code)).ToList();
            }
        }

        public Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken cancellationToken = default) => Task.FromResult(Known());

        public Task<OpsCounters> CountersAsync(int? areaId, CancellationToken cancellationToken = default)
        {
            if (areaId is not null && areaId == FailArea)
            {
                _failed.TrySetResult();
                throw new InvalidOperationException("The database went away.");
            }

            _counted.Enqueue(areaId);
            var byArea = Known().Where(a => areaId is null || a.Id == areaId)
                .ToDictionary(a => a.Code, a => new AreaCounters(_awaiting[a.Code], _open[a.Code], 0, 0, 0, 0), StringComparer.Ordinal);
            return Task.FromResult(OpsCounters.FromAreas(DateTime.UtcNow, byArea));
        }

        public Task<IReadOnlyDictionary<int, int>> AwaitingScreeningAsync(IReadOnlyCollection<int> areaIds, CancellationToken cancellationToken = default)
        {
            if (FailAwaiting)
            {
                _failed.TrySetResult();
                throw new InvalidOperationException("The database went away.");
            }

            _awaitingCounted.Enqueue(string.Join(',', areaIds.Order()));
            IReadOnlyDictionary<int, int> counts = Known().Where(a => areaIds.Contains(a.Id)).ToDictionary(a => a.Id, a => _awaiting[a.Code]);
            return Task.FromResult(counts);
        }

        public Task<OpsDashboardData> LoadAsync(int? areaId, bool areaInRoleLinks = false, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<HighRiskCaseRow>> HighRiskCasesAsync(int? areaId, int cap = 50, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }

    /// <summary>A hub context that records every <c>CountersChanged</c> sent to a group.</summary>
    private sealed class RecordingHub : IHubContext<OpsHub>
    {
        private readonly Lock _gate = new();
        private readonly List<(Func<OpsCounters, bool> Match, TaskCompletionSource<OpsCounters> Seen)> _waiters = [];

        public ConcurrentQueue<(string Group, OpsCounters Counters)> SentQueue { get; } = new();

        public List<(string Group, OpsCounters Counters)> Sent => [.. SentQueue];

        public IHubClients Clients => new GroupClients(this);

        public IGroupManager Groups => throw new NotSupportedException();

        /// <summary>The next force-wide counters matching <paramref name="match"/> (sent after this call).</summary>
        public Task<OpsCounters> NextAsync(Func<OpsCounters, bool> match)
        {
            var seen = new TaskCompletionSource<OpsCounters>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waiters.Add((match, seen));
            }

            return seen.Task.WaitAsync(Wait);
        }

        private sealed class GroupClients(RecordingHub hub) : IHubClients
        {
            public IClientProxy Group(string groupName) => new Proxy(hub, groupName);

            public IClientProxy All => throw new NotSupportedException();

            public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IClientProxy Client(string connectionId) => throw new NotSupportedException();

            public IClientProxy Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

            public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IClientProxy Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

            public IClientProxy User(string userId) => throw new NotSupportedException();

            public IClientProxy Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
        }

        private void Record(string group, string method, object?[] args)
        {
            if (method != OpsHub.CountersChanged || args[0] is not OpsCounters counters)
            {
                return;
            }

            SentQueue.Enqueue((group, counters));
            if (group != OpsHub.AllGroup)
            {
                return;
            }

            lock (_gate)
            {
                foreach (var waiter in _waiters.Where(w => w.Match(counters)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Seen.TrySetResult(counters);
                }
            }
        }

        private sealed class Proxy(RecordingHub hub, string group) : IClientProxy
        {
            public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
            {
                hub.Record(group, method, args);
                return Task.CompletedTask;
            }
        }
    }
}
