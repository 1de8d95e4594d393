using System.Diagnostics;
using System.Threading.Channels;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Live;
using AsbOps.Web.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace AsbOps.Web.Features.Dashboard.Feed;

/// <summary>
/// Carries committed changes from <see cref="OpsNotifier"/> to the hub. Counters are counted at most once per
/// <see cref="Window"/> however many changes arrive (the first change after a quiet spell is counted at once, the rest
/// of a burst in one trailing count), and each group gets <c>CountersChanged</c> only when its numbers moved.
/// A count covers only the areas the changes since the last one named: those areas are counted again and put in
/// place of their earlier numbers, and the force-wide numbers are their sums. A change naming no area, an area change,
/// a sweep, an area not known yet, changes in more than half the areas, and the <see cref="Heartbeat"/> (which catches
/// what the clock alone moves, such as reviews falling overdue) count the whole force. A count that fails leaves its
/// areas to the next.
/// Another instance's change (through the Redis bridge) is neither counted nor sent here: its own instance counted it
/// and sent it through the backplane. It only marks its area out of date, so that the next connection here waits for
/// a count that includes it (<see cref="GreetingAsync"/>) instead of every instance counting for every change made anywhere.
/// Case changes and high-risk alerts go out at once. A failure is logged and the loops carry on. Each push's latency,
/// from the change reaching here to the hub having sent it, is recorded as <c>asbops_push_latency_seconds</c>.
/// </summary>
public sealed class OpsBroadcaster(
    OpsNotifier notifier,
    IServiceScopeFactory scopes,
    OpsCaseSummaries cases,
    IHubContext<OpsHub> hub,
    OpsChangeOrigin origin,
    AsbOpsMetrics metrics,
    TimeProvider clock,
    ILogger<OpsBroadcaster> logger) : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    /// <summary>Overdue reviews grow with the clock alone, so the counters are also checked this often.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromMinutes(1);

    private readonly Channel<bool> _countersDue = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly Channel<(OpsChange Change, long HeardAt)> _caseChanges =
        Channel.CreateUnbounded<(OpsChange, long)>(new UnboundedChannelOptions { SingleReader = true });
    // The areas named by changes since the last count began, or all of them (before the first count, too).
    private readonly Lock _dirtyGate = new();
    private HashSet<string> _dirtyAreas = new(StringComparer.Ordinal);
    // Areas whose only news is a received incident: only their count awaiting screening moved.
    private HashSet<string> _incomingAreas = new(StringComparer.Ordinal);
    private bool _dirtyAll = true;
    private IReadOnlyDictionary<string, int> _areaIds = new Dictionary<string, int>(StringComparer.Ordinal);

    private OpsCounters? _latest;
    private OpsCounters? _lastSent;
    private int _sendDue;

    // Changes heard from other instances, and how many of them the last finished count had heard before it began.
    private long _remoteHeard;
    private long _remoteCounted;
    private TaskCompletionSource _counted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the oldest local change not yet counted and pushed arrived (a <see cref="Stopwatch"/> timestamp), or 0.</summary>
    private long _pendingSince;

    /// <summary>The counters last computed; null before the first count. They may miss another instance's change.</summary>
    public OpsCounters? Latest => Volatile.Read(ref _latest);

    /// <summary>How many changes made on other instances this one has heard of (tests wait for it).</summary>
    public long RemoteChangesHeard => Interlocked.Read(ref _remoteHeard);

    /// <summary>
    /// The counters to greet a connection with: <see cref="Latest"/>, after a count of its own when a change made on
    /// another instance has been heard since the last count began. Null before the first count. At most two counts are
    /// waited for (one may have begun before the change was heard); if they fail, the connection gets what there is.
    /// </summary>
    public async Task<OpsCounters?> GreetingAsync(CancellationToken cancellationToken)
    {
        for (var tries = 0; tries < 2 && Interlocked.Read(ref _remoteCounted) < Interlocked.Read(ref _remoteHeard); tries++)
        {
            var counted = Volatile.Read(ref _counted).Task;
            _countersDue.Writer.TryWrite(true);
            await counted.WaitAsync(cancellationToken);
        }

        return Latest;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifier.Subscribe(OnChangeAsync);
        Volatile.Write(ref _sendDue, 1);
        _countersDue.Writer.TryWrite(true);
        try
        {
            await Task.WhenAll(CountLoopAsync(stoppingToken), CaseLoopAsync(stoppingToken), HeartbeatAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private Task OnChangeAsync(OpsChange change)
    {
        // Another instance's change reaches this instance's hub clients through the backplane from its own instance.
        // Marked before anything counts it as heard, so a count that sees the number also sees the area.
        MarkOutOfDate(change);
        if (origin.IsRemote(change))
        {
            Interlocked.Increment(ref _remoteHeard);
            return Task.CompletedTask;
        }

        var heardAt = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _pendingSince, heardAt, 0);
        Volatile.Write(ref _sendDue, 1);
        _countersDue.Writer.TryWrite(true);
        if (change.CaseRef is not null && change.Kind is OpsChangeKind.CaseChanged or OpsChangeKind.AssessmentSaved
                or OpsChangeKind.IncidentScreened or OpsChangeKind.HighRiskRaised)
        {
            _caseChanges.Writer.TryWrite((change, heardAt));
        }

        return Task.CompletedTask;
    }

    private async Task CountLoopAsync(CancellationToken stoppingToken)
    {
        var lastCount = DateTimeOffset.MinValue;
        while (await _countersDue.Reader.WaitToReadAsync(stoppingToken))
        {
            var wait = lastCount + Window - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }

            // Every change signalled up to here was committed before this count starts, so the count includes it.
            _countersDue.Reader.TryRead(out _);
            var send = Interlocked.Exchange(ref _sendDue, 0) == 1;
            var pendingSince = Interlocked.Exchange(ref _pendingSince, 0);
            var remoteHeard = Interlocked.Read(ref _remoteHeard);
            var (all, areas, incoming) = TakeOutOfDate();
            lastCount = clock.GetUtcNow();
            try
            {
                await SendCountersAsync(all, areas, incoming, send, pendingSince, stoppingToken);
                Interlocked.Exchange(ref _remoteCounted, remoteHeard);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                RestoreOutOfDate(all, areas, incoming);
                logger.LogError(ex, "Could not count or send the live counters");
            }
            finally
            {
                // Greetings waiting for this count go on (after a failure they ask for another, or are cancelled).
                Interlocked.Exchange(ref _counted, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
    }

    private async Task SendCountersAsync(
        bool all, IReadOnlyCollection<string> areas, IReadOnlyCollection<string> incoming, bool send, long pendingSince, CancellationToken cancellationToken)
    {
        var counters = await CountAsync(all, areas, incoming, cancellationToken);

        // Moves are judged against what this instance last sent, not the latest count: a count made only to refresh
        // the greeting must not hide a local change it happened to include.
        Volatile.Write(ref _latest, counters);
        if (!send)
        {
            return;
        }

        var previous = _lastSent;
        _lastSent = counters;

        var sends = new List<Task>();
        if (previous is null || !OpsCountersView.SameNumbers(previous, counters))
        {
            sends.Add(hub.Clients.Group(OpsHub.AllGroup).SendAsync(OpsHub.CountersChanged, counters, cancellationToken));
        }

        foreach (var (code, area) in counters.ByArea)
        {
            if (previous is null || !previous.ByArea.TryGetValue(code, out var before) || before != area)
            {
                sends.Add(hub.Clients.Group(OpsHub.AreaGroup(code)).SendAsync(OpsHub.CountersChanged, OpsCountersView.ForArea(counters, code), cancellationToken));
            }
        }

        await Task.WhenAll(sends);
        if (sends.Count > 0 && pendingSince != 0)
        {
            metrics.PushSent("counters", pendingSince);
        }
    }

    /// <summary>
    /// The whole force, or only <paramref name="areas"/> merged into <see cref="Latest"/> (nothing, when none), and for the
    /// <paramref name="incoming"/> areas (where incidents were received and nothing else changed) only their incidents
    /// awaiting screening, in one grouped count.
    /// </summary>
    private async Task<OpsCounters> CountAsync(bool all, IReadOnlyCollection<string> areas, IReadOnlyCollection<string> incoming, CancellationToken cancellationToken)
    {
        var previous = Latest;
        var ids = _areaIds;
        await using var scope = scopes.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IOpsDashboardQueries>();
        if (all || previous is null || areas.Count * 2 > ids.Count || areas.Concat(incoming).Any(code => !ids.ContainsKey(code)))
        {
            var known = await queries.AreasAsync(cancellationToken);
            var counted = await queries.CountersAsync(null, cancellationToken);
            _areaIds = known.ToDictionary(a => a.Code, a => a.Id, StringComparer.Ordinal);
            return counted;
        }

        if (areas.Count == 0 && incoming.Count == 0)
        {
            return previous;
        }

        var recounted = new Dictionary<string, AreaCounters?>(StringComparer.Ordinal);
        foreach (var code in areas)
        {
            var counted = await queries.CountersAsync(ids[code], cancellationToken);
            recounted[code] = counted.ByArea.GetValueOrDefault(code);
        }

        var onlyIncoming = incoming.Where(code => !recounted.ContainsKey(code)).ToList();
        if (onlyIncoming.Count > 0)
        {
            var waiting = await queries.AwaitingScreeningAsync([.. onlyIncoming.Select(code => ids[code])], cancellationToken);
            foreach (var code in onlyIncoming)
            {
                var before = previous.ByArea.GetValueOrDefault(code) ?? new AreaCounters(0, 0, 0, 0, 0, 0);
                recounted[code] = before with { AwaitingScreening = waiting.GetValueOrDefault(ids[code]) };
            }
        }

        return OpsCountersView.Merge(previous, recounted, clock.GetUtcNow().UtcDateTime);
    }

    private void MarkOutOfDate(OpsChange change)
    {
        lock (_dirtyGate)
        {
            if (change.AreaCode is null || change.Kind is OpsChangeKind.AreasChanged or OpsChangeKind.ComplianceSwept)
            {
                _dirtyAll = true;
            }
            else if (change is { Kind: OpsChangeKind.IncidentReceived, CaseRef: null })
            {
                // A new incident is linked to no case yet: it moves its area's count awaiting screening and nothing else.
                _incomingAreas.Add(change.AreaCode);
            }
            else
            {
                _dirtyAreas.Add(change.AreaCode);
            }
        }
    }

    private void MarkAllOutOfDate()
    {
        lock (_dirtyGate)
        {
            _dirtyAll = true;
        }
    }

    private (bool All, HashSet<string> Areas, HashSet<string> Incoming) TakeOutOfDate()
    {
        lock (_dirtyGate)
        {
            var taken = (_dirtyAll, _dirtyAreas, _incomingAreas);
            _dirtyAll = false;
            _dirtyAreas = new HashSet<string>(StringComparer.Ordinal);
            _incomingAreas = new HashSet<string>(StringComparer.Ordinal);
            return taken;
        }
    }

    private void RestoreOutOfDate(bool all, HashSet<string> areas, HashSet<string> incoming)
    {
        lock (_dirtyGate)
        {
            _dirtyAll |= all;
            _dirtyAreas.UnionWith(areas);
            _incomingAreas.UnionWith(incoming);
        }
    }

    private async Task CaseLoopAsync(CancellationToken stoppingToken)
    {
        await foreach (var (change, heardAt) in _caseChanges.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendCaseAsync(change, heardAt, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Could not send the live change {Kind} of case {CaseRef}", change.Kind, change.CaseRef);
            }
        }
    }

    private async Task SendCaseAsync(OpsChange change, long heardAt, CancellationToken cancellationToken)
    {
        var summary = await cases.SummaryAsync(change.CaseRef!, cancellationToken);
        if (summary is null)
        {
            return;
        }

        // A connection is in exactly one of these groups, so nobody gets the message twice.
        var audience = hub.Clients.Groups(OpsHub.AllGroup, OpsHub.AreaGroup(summary.AreaCode));
        if (change.Kind == OpsChangeKind.HighRiskRaised && await cases.AlertAsync(change.CaseRef!, change.At, cancellationToken) is { } alert)
        {
            await audience.SendAsync(OpsHub.HighRiskRaised, alert, cancellationToken);
        }

        await audience.SendAsync(OpsHub.CaseChanged, summary, cancellationToken);
        metrics.PushSent("case", heardAt);
    }

    private async Task HeartbeatAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Heartbeat, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            MarkAllOutOfDate();
            Volatile.Write(ref _sendDue, 1);
            _countersDue.Writer.TryWrite(true);
        }
    }
}
