using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using AsbOps.Domain.Email;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Benchmarks;

/// <summary>
/// Soak and fault run (issue 13 item 10): the built app as its own process in Production on a scale-1 demo force
/// (SQLite file, jobs on, the sweep every minute, the outbox every 2 s), on loopback only, for <c>--minutes N</c>
/// (default 10). Steady control-room intake of 50 incidents a second with a burst of 250 every minute, 100 hub clients,
/// dashboard snapshot reads through the hub, an email queued every 2 s besides what the jobs queue, the SMTP server
/// refusing every message for one minute at 30 % of the run, and the app killed (SIGKILL) and started again at 70 %.
/// An incident not acknowledged is sent again with the same body (the control room's retry) until acknowledged.
/// Prints per minute the acknowledgements, p99 latencies and the app's memory; at the end incidents acknowledged /
/// stored / lost / duplicated and emails due / sent / sent twice.
/// </summary>
public static class SoakBenchmark
{
    public const string Name = "soak";
    private const string Key = "soak-key";
    private const int RatePerSecond = 50;
    private const int Burst = 250;
    private const int HubClients = 100;
    private static readonly string[] Areas = ["CHARNWOOD", "BLABY", "CITY", "MELTON"];

    public static async Task RunAsync()
    {
        var minutes = MinutesFromArgs(Environment.GetCommandLineArgs());
        var duration = TimeSpan.FromMinutes(minutes);
        var folder = Path.Combine(Path.GetTempPath(), "asbops-soak", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var smtp = new SoakSmtpServer();
        await smtp.StartAsync();
        var app = new SoakApp(folder, FreePort(), smtp.Port);
        try
        {
            await RunAsync(app, smtp, duration);
        }
        finally
        {
            app.Kill();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder if still held.
            }
        }
    }

    private static async Task RunAsync(SoakApp app, SoakSmtpServer smtp, TimeSpan duration)
    {
        Console.WriteLine($"soak: seeding the scale-1 demo force into {app.DatabasePath} …");
        await app.SeedAsync();
        HashSet<long> pendingAtStart;
        long lastIdAtStart;
        await using (var db = app.Db())
        {
            pendingAtStart = [.. await db.Outbox.Where(m => m.Status == OutboxStatus.Pending).Select(m => m.Id).ToListAsync()];
            lastIdAtStart = await db.Outbox.MaxAsync(m => (long?)m.Id) ?? 0;
        }

        await app.StartAsync();
        Console.WriteLine($"soak: app up (pid {app.Pid}) at {app.BaseUrl}; {duration.TotalMinutes:F0} minutes of load");

        var stats = new SoakStats();
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30), MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri(app.BaseUrl),
            Timeout = TimeSpan.FromSeconds(10),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var started = Stopwatch.GetTimestamp();
        TimeSpan Elapsed() => Stopwatch.GetElapsedTime(started);
        int Minute() => (int)Elapsed().TotalMinutes;
        using var loadEnds = new CancellationTokenSource(duration);
        using var allEnds = new CancellationTokenSource(duration + TimeSpan.FromMinutes(8));

        var hubs = await ConnectHubClientsAsync(app.BaseUrl, stats, allEnds.Token);
        var reader = await ConnectAsync(app.BaseUrl, allEnds.Token);
        var memory = SampleMemoryAsync(app, stats, Minute, allEnds.Token);
        var work = Enumerable.Range(0, 32).Select(_ => IntakeWorkerAsync(http, stats, Minute, allEnds.Token)).ToList();
        var tasks = new List<Task>
        {
            ProduceIncidentsAsync(stats, Elapsed, loadEnds.Token),
            ReadSnapshotsAsync(reader, stats, Minute, loadEnds.Token),
            QueueEmailsAsync(app, stats, loadEnds.Token),
            FaultsAsync(app, smtp, stats, duration, Elapsed, loadEnds.Token),
        };

        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        Console.WriteLine($"soak: load ended at {Elapsed():mm\\:ss}; waiting for unacknowledged incidents and the outbox to drain");
        stats.Intake.Writer.TryComplete();
        await Task.WhenAll(work);

        // The outbox: every due message sent or given up, or the grace time ends.
        var dueIds = new HashSet<long>();
        var drained = false;
        while (!allEnds.IsCancellationRequested && !drained)
        {
            await using var db = app.Db();
            var rows = await db.Outbox.Where(m => m.Id > lastIdAtStart || pendingAtStart.Contains(m.Id)).Select(m => new { m.Id, m.Status }).ToListAsync();
            dueIds = [.. rows.Select(r => r.Id)];
            drained = rows.All(r => r.Status != OutboxStatus.Pending);
            if (!drained)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
        }

        await allEnds.CancelAsync();
        await memory;
        foreach (var hub in hubs.Append(reader))
        {
            await hub.DisposeAsync();
        }

        await ReportAsync(app, smtp, stats, dueIds, drained);
    }

    private static int MinutesFromArgs(string[] args)
    {
        var at = Array.IndexOf(args, "--minutes");
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var m) && m is >= 2 and <= 240 ? m : 10;
    }

    /// <summary>50 a second, and a burst of 250 at the 30th second of each minute; each a new control-room reference.</summary>
    private static async Task ProduceIncidentsAsync(SoakStats stats, Func<TimeSpan> elapsed, CancellationToken cancellationToken)
    {
        var sequence = 0;
        var burstMinute = -1;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1000.0 / RatePerSecond));
        try
        {
            while (await tick.WaitForNextTickAsync(cancellationToken))
            {
                var now = elapsed();
                var count = 1;
                if (now.Seconds == 30 && (int)now.TotalMinutes != burstMinute)
                {
                    burstMinute = (int)now.TotalMinutes;
                    count += Burst;
                }

                for (var i = 0; i < count; i++)
                {
                    sequence++;
                    stats.Intake.Writer.TryWrite(new PendingIncident(Body(sequence)));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The load time is over.
        }
    }

    private static object Body(int sequence) => new
    {
        stormRef = $"SOAK-{sequence:D8}",
        receivedAt = DateTime.UtcNow.AddSeconds(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        category = (sequence % 3) switch { 0 => "personal", 1 => "nuisance", _ => "environmental" },
        areaCode = Areas[sequence % Areas.Length],
        location = new { address = $"{sequence % 200 + 1} Soak Street, Loughborough", postcode = "LE11 1AA", lat = 52.77, lon = -1.2 },
        description = "Soak run: youths shouting in the street late at night",
        thrive = new { threat = "t", harm = "h", risk = "r", investigation = "i", vulnerability = "v", engagement = "e", grade = "scheduled" },
    };

    /// <summary>
    /// Sends each incident until the app acknowledges it (201 or 200); refused connections, timeouts and 5xx while the
    /// app is down are retried with the same body after a short wait, as a control room's gateway does.
    /// </summary>
    private static async Task IntakeWorkerAsync(HttpClient http, SoakStats stats, Func<int> minute, CancellationToken cancellationToken)
    {
        await foreach (var incident in stats.Intake.Reader.ReadAllAsync(CancellationToken.None))
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsJsonAsync("/api/v1/incidents", incident.Body, cancellationToken);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        stats.Acknowledged.Add(incident.StormRef);
                        stats.Latency(minute(), "intake", Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                        break;
                    }

                    stats.Count(response.StatusCode.ToString());
                    if ((int)response.StatusCode is >= 400 and < 500 and not 429)
                    {
                        stats.Refused.Add(incident.StormRef);
                        break;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    stats.Count("connection failed");
                }

                await Task.Delay(250, CancellationToken.None);
            }
        }
    }

    private static async Task<List<HubConnection>> ConnectHubClientsAsync(string baseUrl, SoakStats stats, CancellationToken cancellationToken)
    {
        var clients = new List<HubConnection>();
        for (var i = 0; i < HubClients; i++)
        {
            var connection = await ConnectAsync(baseUrl, cancellationToken);
            connection.On<System.Text.Json.JsonElement>("CountersChanged", _ => Interlocked.Increment(ref stats.PushesReceived));
            connection.Reconnected += _ =>
            {
                Interlocked.Increment(ref stats.Reconnects);
                return Task.CompletedTask;
            };
            clients.Add(connection);
        }

        return clients;
    }

    private static async Task<HubConnection> ConnectAsync(string baseUrl, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri($"{baseUrl}/hubs/ops?access_token={Key}"), o => { o.Transports = HttpTransportType.WebSockets; o.SkipNegotiation = true; })
            .WithAutomaticReconnect(new EverySecond())
            .Build();
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    /// <summary>Five dashboard snapshots a second: <c>SubscribeArea</c> answers after sending that area's counters.</summary>
    private static async Task ReadSnapshotsAsync(HubConnection reader, SoakStats stats, Func<int> minute, CancellationToken cancellationToken)
    {
        var i = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await tick.WaitForNextTickAsync(cancellationToken))
            {
                if (reader.State != HubConnectionState.Connected)
                {
                    continue;
                }

                var start = Stopwatch.GetTimestamp();
                try
                {
                    await reader.InvokeAsync("SubscribeArea", Areas[i++ % Areas.Length], cancellationToken);
                    stats.Latency(minute(), "snapshot", Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    stats.Count("snapshot failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The load time is over.
        }
    }

    /// <summary>An email every 2 s through the app's own outbox (the same table and rules the jobs use).</summary>
    private static async Task QueueEmailsAsync(SoakApp app, SoakStats stats, CancellationToken cancellationToken)
    {
        var outbox = new EmailOutbox(Options.Create(new EmailOptions()), TimeProvider.System);
        var n = 0;
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(2));
        try
        {
            while (await tick.WaitForNextTickAsync(cancellationToken))
            {
                n++;
                await using var db = app.Db();
                outbox.Enqueue(db, new OutgoingEmail($"soak:{n}", $"officer{n % 20}@soak.test", $"Soak message {n}", "Soak run.", "<p>Soak run.</p>"));
                await db.SaveChangesAsync(CancellationToken.None);
                Interlocked.Increment(ref stats.EmailsQueued);
            }
        }
        catch (OperationCanceledException)
        {
            // The load time is over.
        }
    }

    private static async Task SampleMemoryAsync(SoakApp app, SoakStats stats, Func<int> minute, CancellationToken cancellationToken)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await tick.WaitForNextTickAsync(cancellationToken))
            {
                if (app.ResidentMegabytes() is { } mb)
                {
                    stats.Memory[minute()] = mb;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    private static async Task FaultsAsync(SoakApp app, SoakSmtpServer smtp, SoakStats stats, TimeSpan duration, Func<TimeSpan> elapsed, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(duration * 0.3, cancellationToken);
            smtp.Refusing = true;
            stats.Event((int)elapsed().TotalMinutes, "SMTP refusing");
            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
            smtp.Refusing = false;
            stats.Event((int)elapsed().TotalMinutes, "SMTP back");
            // The kill comes at 70 % of the run, and at least 15 s after mail is back.
            var killAt = duration * 0.7 > elapsed() + TimeSpan.FromSeconds(15) ? duration * 0.7 : elapsed() + TimeSpan.FromSeconds(15);
            await Task.Delay(killAt - elapsed(), cancellationToken);
            app.Kill();
            var down = Stopwatch.GetTimestamp();
            stats.Event((int)elapsed().TotalMinutes, "killed");
            await app.StartAsync();
            stats.Event((int)elapsed().TotalMinutes, FormattableString.Invariant($"restarted in {Stopwatch.GetElapsedTime(down).TotalSeconds:F1} s (pid {app.Pid})"));
        }
        catch (OperationCanceledException)
        {
            // The load time is over.
        }
    }

    private static async Task ReportAsync(SoakApp app, SoakSmtpServer smtp, SoakStats stats, HashSet<long> dueIds, bool drained)
    {
        Console.WriteLine("minute  acked  intake p99  snapshot p99  RSS MB  events");
        foreach (var minute in stats.Minutes())
        {
            Console.WriteLine(FormattableString.Invariant(
                $"{minute,6}  {stats.AckedIn(minute),5}  {stats.P99(minute, "intake"),8:F1} ms  {stats.P99(minute, "snapshot"),9:F1} ms  {(stats.Memory.TryGetValue(minute, out var mb) ? mb : 0),6:F0}  {string.Join("; ", stats.EventsIn(minute))}"));
        }

        List<(string StormRef, long Count)> stored;
        await using (var db = app.Db())
        {
            stored = (await db.Incidents.Where(i => i.StormRef.StartsWith("SOAK-")).GroupBy(i => i.StormRef)
                .Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync()).Select(g => (g.Key, g.Count)).ToList();
        }

        var storedSet = stored.Select(s => s.StormRef).ToHashSet();
        var acknowledged = stats.Acknowledged.Distinct().ToList();
        var lost = acknowledged.Count(a => !storedSet.Contains(a));
        var duplicated = stored.Sum(s => s.Count - 1);
        var received = smtp.ReceivedOutboxIds();
        var sentDue = dueIds.Count(received.ContainsKey);
        var sentTwice = received.Count(r => r.Value > 1);
        if (sentTwice > 0)
        {
            await using var db = app.Db();
            var twice = received.Where(r => r.Value > 1).Select(r => r.Key).Take(10).ToList();
            var keys = await db.Outbox.Where(m => twice.Contains(m.Id)).Select(m => new { m.Id, m.DedupKey, m.Attempts, m.CreatedAt, m.SentAt }).ToListAsync();
            Console.WriteLine($"soak: sent twice, e.g. {string.Join("; ", keys.Select(k => $"#{k.Id} {k.DedupKey} attempts {k.Attempts} created {k.CreatedAt:HH:mm:ss} sent {k.SentAt:HH:mm:ss}"))}");
        }

        Console.WriteLine($"soak: failures seen by clients: {string.Join(", ", stats.Failures.Select(f => $"{f.Key} {f.Value}"))}");
        Console.WriteLine($"soak: hub pushes received {stats.PushesReceived:N0} by {HubClients} clients; reconnects {stats.Reconnects}; emails queued by the run {stats.EmailsQueued}");
        Console.WriteLine($"bench soak-incidents: acknowledged {acknowledged.Count}, stored {stored.Count}, lost {lost}, duplicated {duplicated}, refused {stats.Refused.Count}");
        Console.WriteLine($"bench soak-emails: due {dueIds.Count}, sent {sentDue}, sent twice {sentTwice}, not sent {dueIds.Count - sentDue}{(drained ? "" : " (outbox not drained in the grace time)")}");
        var first = stats.Minutes().FirstOrDefault();
        var firstP99 = stats.P99(first, "intake");
        var worst = stats.Minutes().Where(m => m != first).Select(m => stats.P99(m, "intake")).DefaultIfEmpty(0).Max();
        Console.WriteLine(FormattableString.Invariant($"bench soak-intake-p99: worst minute {worst:F1} ms (baseline first minute {firstP99:F1} ms, ratio {worst / Math.Max(firstP99, 0.1):F2})"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class EverySecond : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.ElapsedTime < TimeSpan.FromMinutes(3) ? TimeSpan.FromSeconds(1) : null;
    }

    private sealed record PendingIncident(object Body)
    {
        public string StormRef => (string)Body.GetType().GetProperty("stormRef")!.GetValue(Body)!;
    }

    private sealed class SoakStats
    {
        private readonly ConcurrentDictionary<(int Minute, string Kind), ConcurrentBag<double>> _latencies = new();
        private readonly ConcurrentDictionary<int, ConcurrentQueue<string>> _events = new();
        public long PushesReceived;
        public long Reconnects;
        public long EmailsQueued;

        public System.Threading.Channels.Channel<PendingIncident> Intake { get; } = System.Threading.Channels.Channel.CreateUnbounded<PendingIncident>();

        public ConcurrentBag<string> Acknowledged { get; } = [];

        public ConcurrentBag<string> Refused { get; } = [];

        public ConcurrentDictionary<string, int> Failures { get; } = new();

        public ConcurrentDictionary<int, double> Memory { get; } = new();

        public void Latency(int minute, string kind, double ms) => _latencies.GetOrAdd((minute, kind), _ => []).Add(ms);

        public void Count(string failure) => Failures.AddOrUpdate(failure, 1, (_, n) => n + 1);

        public void Event(int minute, string what) => _events.GetOrAdd(minute, _ => new()).Enqueue(what);

        public IEnumerable<string> EventsIn(int minute) => _events.TryGetValue(minute, out var q) ? q : [];

        public IReadOnlyList<int> Minutes() => [.. _latencies.Keys.Select(k => k.Minute).Concat(Memory.Keys).Distinct().Order()];

        public int AckedIn(int minute) => _latencies.TryGetValue((minute, "intake"), out var bag) ? bag.Count : 0;

        public double P99(int minute, string kind)
        {
            if (!_latencies.TryGetValue((minute, kind), out var bag) || bag.IsEmpty)
            {
                return 0;
            }

            var sorted = bag.Order().ToList();
            return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(0.99 * sorted.Count) - 1)];
        }
    }
}
