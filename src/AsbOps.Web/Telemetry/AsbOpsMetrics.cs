using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AsbOps.Web.Telemetry;

/// <summary>
/// The app's own meter, <c>AsbOps</c>: what an operator of several instances watches besides the ASP.NET Core, HTTP and
/// runtime meters. Prometheus shows each instrument with dots as underscores, counters ending <c>_total</c> and
/// durations ending <c>_seconds</c> (e.g. <c>asbops_incidents_received_total</c>). Tags are few and bounded (an outcome,
/// a reason, a job's name, a client's name), never a person, an address or a case.
/// </summary>
public sealed class AsbOpsMetrics
{
    public const string MeterName = "AsbOps";

    private readonly Counter<long> _incidentsReceived;
    private readonly Counter<long> _incidentsRefused;
    private readonly Histogram<double> _pushLatency;
    private readonly UpDownCounter<long> _hubConnections;
    private readonly UpDownCounter<long> _circuits;
    private readonly Histogram<double> _jobDuration;
    private readonly Histogram<double> _sweepDuration;
    private readonly Counter<long> _rateLimitRefusals;
    private Func<OutboxCounts?> _outbox = () => null;

    public AsbOpsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _incidentsReceived = meter.CreateCounter<long>("asbops.incidents.received", "{incident}",
            "Incidents accepted by the intake API: outcome created or duplicate (an idempotent repeat).");
        _incidentsRefused = meter.CreateCounter<long>("asbops.incidents.refused", "{incident}",
            "Incidents the intake API refused, by reason: invalid, not_your_area, conflict, too_large, not_json, malformed.");
        _pushLatency = meter.CreateHistogram<double>("asbops.push.latency", "s",
            "From a committed change reaching the live broadcaster to its push to the hub's clients having been sent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2.5, 5] });
        _hubConnections = meter.CreateUpDownCounter<long>("asbops.hub.connections", "{connection}",
            "Live-feed hub connections (/hubs/ops) open on this instance.");
        _circuits = meter.CreateUpDownCounter<long>("asbops.circuits", "{circuit}",
            "Blazor Server circuits (signed-in pages) open on this instance.");
        _jobDuration = meter.CreateHistogram<double>("asbops.job.duration", "s",
            "How long each scheduled job run took, by job and outcome (succeeded, failed, cancelled).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
        _sweepDuration = meter.CreateHistogram<double>("asbops.sweep.duration", "s",
            "How long a compliance sweep took (kind: sweep, or weekly for the weekly snapshot).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _rateLimitRefusals = meter.CreateCounter<long>("asbops.ratelimit.refusals", "{request}",
            "API requests refused with 429 for rate, by client (a key's name, or user for a signed-in person).");
        meter.CreateObservableGauge("asbops.outbox.pending", () => Observe(c => c.Pending), "{message}",
            "Emails waiting in the outbox (not yet sent, not given up), as last counted.");
        meter.CreateObservableGauge("asbops.outbox.failing", () => Observe(c => c.Failing), "{message}",
            "Emails in the outbox whose last attempt failed and that are still being retried, as last counted.");
    }

    /// <summary>The outbox's counts, read on each collection; the reader returns a cached count, never querying per scrape.</summary>
    public void ObserveOutbox(Func<OutboxCounts?> read) => _outbox = read;

    public void IncidentReceived(string channel, string outcome, long count = 1) =>
        _incidentsReceived.Add(count, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    public void IncidentRefused(string channel, string reason, long count = 1) =>
        _incidentsRefused.Add(count, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("reason", reason));

    /// <summary>A push to hub clients finished; <paramref name="startedAt"/> is a <see cref="Stopwatch"/> timestamp.</summary>
    public void PushSent(string kind, long startedAt) =>
        _pushLatency.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    public void HubConnectionOpened() => _hubConnections.Add(1);

    public void HubConnectionClosed() => _hubConnections.Add(-1);

    public void CircuitOpened() => _circuits.Add(1);

    public void CircuitClosed() => _circuits.Add(-1);

    public void JobRan(string job, string outcome, TimeSpan took) => _jobDuration.Record(took.TotalSeconds,
        new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome));

    public void SweepRan(string kind, TimeSpan took) => _sweepDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("kind", kind));

    public void RateLimitRefused(string client) => _rateLimitRefusals.Add(1, new KeyValuePair<string, object?>("client", client));

    private IEnumerable<Measurement<long>> Observe(Func<OutboxCounts, long> pick) =>
        _outbox() is { } counts ? [new Measurement<long>(pick(counts))] : [];
}

/// <summary>The outbox's waiting and failing messages at one count.</summary>
public sealed record OutboxCounts(long Pending, long Failing);
