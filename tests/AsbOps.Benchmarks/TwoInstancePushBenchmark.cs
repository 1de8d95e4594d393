using System.Diagnostics;
using System.Text.Json;
using AsbOps.Domain.Areas;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Features.Intake.Api;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Benchmarks;

/// <summary>
/// Push latency across two instances: two app instances on Kestrel over one SQLite file and one real redis-server
/// (the SignalR backplane and the ops-change bridge), 2,000 WebSocket hub clients with an ops:read key split evenly
/// between them, half of each instance's clients force-wide and half subscribed to the benchmark's area through the
/// hub's <c>SubscribeArea</c>. Each round commits an incident on instance A (<see cref="IncidentIntakeService"/>, which
/// publishes after its SaveChanges) and times until every one of the 2,000 clients holds a <c>CountersChanged</c>
/// counting it; the baseline, in the same round, is a raw <c>Clients.All.SendAsync</c> of the same counters from A's hub
/// context through the same backplane to the same clients. p50 / p95 / p99; goal p95 ≤ 300 ms and ≤ 2× the baseline.
/// With <c>--provider postgres</c> both instances run on the PostgreSQL demo database of
/// <see cref="JobsBenchHost.PostgresVariable"/> instead (its first area; the run's incidents are deleted at the end), so
/// each push also counts a whole force.
/// </summary>
public static class TwoInstancePushBenchmark
{
    public const string Name = "push-two-instances";
    private const string AreaCode = "BENCH";
    private const string BridgeChannel = "asbops:ops-changes";
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(string[] args)
    {
        var clientCount = Option(args, "--clients", 2000);
        var rounds = Option(args, "--rounds", 40);
        BenchPostgresDemo? demo = null;
        if (JobsBenchHost.UsesPostgres && (demo = await BenchPostgresDemo.OpenAsync(Name)) is null)
        {
            return;
        }

        var areaCode = demo?.AreaCode ?? AreaCode;
        var tag = demo is null ? "" : demo.Names.Tag + "-";
        var prefix = $"LP-TWO-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}-";
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var folder = Path.Combine(Path.GetTempPath(), "asbops-bench", "two-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clients = new List<Client>();
        await using var redis = await BenchRedis.StartAsync(budget.Token);
        var a = new ScaleOutBenchApp(folder, demo?.ConnectionString, redis.Configuration, clientCount);
        var b = new ScaleOutBenchApp(folder, demo?.ConnectionString, redis.Configuration, clientCount);
        try
        {
            // A migrates the database and (on an empty SQLite file) gets the area before B starts, so B's area look-ups
            // find it. On the PostgreSQL demo database the incidents go to its first area.
            a.Start();
            if (demo is null)
            {
                await using var db = await a.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContextAsync(budget.Token);
                db.Areas.Add(new Area { Code = AreaCode, Name = "Benchmark area" });
                await db.SaveChangesAsync(budget.Token);
            }
            else
            {
                Console.WriteLine($"   on the demo database ({demo.Names.Label}), area {areaCode}, references {prefix}… (deleted at the end)");
            }

            b.Start();
            var broadcasterA = a.Services.GetRequiredService<OpsBroadcaster>();
            var broadcasterB = b.Services.GetRequiredService<OpsBroadcaster>();
            while (await redis.SubscribersAsync(BridgeChannel) < 2 || broadcasterA.Latest is null || broadcasterB.Latest is null)
            {
                await Task.Delay(50, budget.Token);
            }

            var connect = Stopwatch.StartNew();
            await ConnectAsync(a.BaseUrl, 'A', areaCode, clients, clientCount / 2, budget.Token);
            await ConnectAsync(b.BaseUrl, 'B', areaCode, clients, clientCount - (clientCount / 2), budget.Token);
            Console.WriteLine($"   {clients.Count:N0} clients connected in {connect.Elapsed.TotalSeconds:F1} s " +
                $"({clients.Count(c => c.Instance == 'A'):N0} on A, {clients.Count(c => c.Instance == 'B'):N0} on B; " +
                $"{clients.Count(c => c.Subscribed):N0} subscribed to {areaCode}, the rest force-wide)");

            var intake = a.Services.GetRequiredService<IncidentIntakeService>();
            var hubA = a.Services.GetRequiredService<IHubContext<OpsHub>>();
            // The counts made before the area existed do not name it: nothing awaits screening there yet.
            var awaiting = broadcasterA.Latest!.ByArea.GetValueOrDefault(areaCode)?.AwaitingScreening ?? 0;
            var pushed = new List<double>();
            var raw = new List<double>();
            var pushedByInstance = new Dictionary<char, List<double>> { ['A'] = [], ['B'] = [] };
            for (var round = -2; round < rounds; round++)
            {
                awaiting++;
                var sequence = round + 3;
                var (push, byInstance) = await MeasureAsync(clients, awaiting,
                    () => intake.SubmitAsync(Incident(prefix, areaCode, sequence), budget.Token), budget.Token);
                var counters = broadcasterA.Latest!;
                if (counters.ByArea[areaCode].AwaitingScreening != awaiting)
                {
                    throw new InvalidOperationException($"A's counters show {counters.ByArea[areaCode].AwaitingScreening} awaiting, not {awaiting}.");
                }

                var (baseline, _) = await MeasureAsync(clients, awaiting,
                    () => hubA.Clients.All.SendAsync(OpsHub.CountersChanged, counters, budget.Token), budget.Token);

                // The first two rounds warm both paths up and are not counted.
                if (round >= 0)
                {
                    pushed.Add(push);
                    raw.Add(baseline);
                    pushedByInstance['A'].Add(byInstance['A']);
                    pushedByInstance['B'].Add(byInstance['B']);
                }

                // Let A's coalescing window pass so that each round measures one change counted on its own.
                await Task.Delay(OpsBroadcaster.Window + TimeSpan.FromMilliseconds(50), budget.Token);
            }

            pushed.Sort();
            raw.Sort();
            foreach (var p in new[] { 50, 95, 99 })
            {
                Report.Line($"{Name}-{tag}{clients.Count}-p{p}", Report.Percentile(pushed, p), "ms", Report.Percentile(raw, p), "ms raw backplane broadcast");
            }

            foreach (var (instance, values) in pushedByInstance)
            {
                values.Sort();
                Console.WriteLine(System.FormattableString.Invariant(
                    $"   last client of instance {instance}: p50 {Report.Percentile(values, 50):F1} ms, p95 {Report.Percentile(values, 95):F1} ms"));
            }

            Console.WriteLine($"   {rounds} rounds (after 2 uncounted); every client received every round's counters; p99 of {rounds} rounds is near their maximum");
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.Connection.DisposeAsync().AsTask()));
            await b.DisposeAsync();
            await a.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (demo is not null)
            {
                Console.WriteLine($"   this run's incidents and their audit entries deleted ({await demo.DeleteIncidentsAsync(prefix):N0} rows)");
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder; nothing reads it again.
            }
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) && value > 0 ? value : fallback;
    }

    /// <summary>Connects <paramref name="count"/> clients to one instance, 50 at a time; every other one subscribes to the area.</summary>
    private static async Task ConnectAsync(string baseUrl, char instance, string areaCode, List<Client> clients, int count, CancellationToken cancellationToken)
    {
        var url = new Uri($"{baseUrl}{OpsHub.Route}?access_token={BenchApp.OpsKey}");
        var connected = 0;
        while (connected < count)
        {
            var batch = Enumerable.Range(connected, Math.Min(50, count - connected)).Select(i => new Client(new HubConnectionBuilder()
                .WithUrl(url, o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                })
                .Build(), instance, areaCode, subscribed: i % 2 == 1)).ToList();
            await Task.WhenAll(batch.Select(async c =>
            {
                await c.Connection.StartAsync(cancellationToken);
                if (c.Subscribed)
                {
                    await c.Connection.InvokeAsync("SubscribeArea", areaCode, cancellationToken);
                }
            }));
            clients.AddRange(batch);
            connected += batch.Count;
        }
    }

    /// <summary>
    /// Milliseconds from the start of <paramref name="act"/> until every client holds counters showing
    /// <paramref name="awaiting"/> incidents awaiting screening in the area; and the same for the last client of each instance.
    /// </summary>
    private static async Task<(double All, Dictionary<char, double> ByInstance)> MeasureAsync(
        List<Client> clients, int awaiting, Func<Task> act, CancellationToken cancellationToken)
    {
        foreach (var client in clients)
        {
            client.Arm(awaiting);
        }

        var start = Stopwatch.GetTimestamp();
        await act();
        long[] arrivals;
        try
        {
            arrivals = await Task.WhenAll(clients.Select(c => c.Next.WaitAsync(RoundTimeout, cancellationToken)));
        }
        catch (TimeoutException)
        {
            var missing = clients.Where(c => !c.Next.IsCompleted).ToList();
            throw new InvalidOperationException($"{missing.Count} of {clients.Count} clients had no counters showing {awaiting} awaiting within " +
                $"{RoundTimeout.TotalSeconds} s ({missing.Count(c => c.Instance == 'A')} on A, {missing.Count(c => c.Instance == 'B')} on B).");
        }

        double Elapsed(IEnumerable<long> times) => Stopwatch.GetElapsedTime(start, Math.Max(start, times.Max())).TotalMilliseconds;
        var byInstance = new Dictionary<char, double>
        {
            ['A'] = Elapsed(clients.Where(c => c.Instance == 'A').Select(c => c.Next.Result)),
            ['B'] = Elapsed(clients.Where(c => c.Instance == 'B').Select(c => c.Next.Result)),
        };
        return (Elapsed(arrivals), byInstance);
    }

    private static IncidentSubmission Incident(string prefix, string areaCode, int sequence) => new(
        $"{prefix}{sequence:D6}", DateTime.UtcNow.AddMinutes(-1), AsbCategory.Nuisance, areaCode, "1 Bench Street", "LE1 1AA",
        52.6, -1.1, "Benchmark incident", new ThriveSubmission("t", "h", "r", "i", "v", "e", ThriveGrade.Scheduled), null, null);

    /// <summary>One hub client; records when counters first show the awaited number after <see cref="Arm"/>.</summary>
    private sealed class Client
    {
        private Armed _armed = new(int.MaxValue);

        public Client(HubConnection connection, char instance, string areaCode, bool subscribed)
        {
            Connection = connection;
            Instance = instance;
            Subscribed = subscribed;
            connection.On<JsonElement>(OpsHub.CountersChanged, message =>
            {
                var armed = Volatile.Read(ref _armed);
                if (message.GetProperty("byArea").TryGetProperty(areaCode, out var area)
                    && area.GetProperty("awaitingScreening").GetInt32() >= armed.Awaiting)
                {
                    armed.Arrived.TrySetResult(Stopwatch.GetTimestamp());
                }
            });
        }

        public HubConnection Connection { get; }

        public char Instance { get; }

        public bool Subscribed { get; }

        public Task<long> Next => Volatile.Read(ref _armed).Arrived.Task;

        public void Arm(int awaiting) => Volatile.Write(ref _armed, new Armed(awaiting));

        private sealed record Armed(int Awaiting)
        {
            public TaskCompletionSource<long> Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
