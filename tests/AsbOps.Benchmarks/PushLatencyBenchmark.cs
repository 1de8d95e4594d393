using System.Diagnostics;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Features.Intake.Api;
using AsbOps.Web.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Benchmarks;

/// <summary>
/// Push latency: N WebSocket clients with an ops:read key; the time from an incident's commit (through
/// <see cref="IncidentIntakeService"/>, which publishes after SaveChanges) until every client has the CountersChanged
/// it causes, beside a raw hub broadcast of the same counters object to the same clients, in the same run. With
/// <c>--provider postgres</c> the app runs on the PostgreSQL demo database of <see cref="JobsBenchHost.PostgresVariable"/>
/// (its first area; the run's incidents are deleted at the end), so each push also counts a whole force.
/// </summary>
public static class PushLatencyBenchmark
{
    public const string Name = "push-latency";
    private const int Rounds = 15;
    private static readonly int[] ClientCounts = [100, 500, 1000];
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string[] args)
    {
        BenchPostgresDemo? demo = null;
        if (JobsBenchHost.UsesPostgres && (demo = await BenchPostgresDemo.OpenAsync(Name)) is null)
        {
            return;
        }

        var areaCode = demo?.AreaCode ?? "BENCH";
        var tag = demo is null ? "" : demo.Names.Tag + "-";
        var prefix = $"LP-BENCH-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}-";
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await using var app = new BenchApp(demo?.ConnectionString);
        await app.StartAsync(demo is null ? [areaCode] : []);
        var intake = app.Services.GetRequiredService<IncidentIntakeService>();
        var hub = app.Services.GetRequiredService<IHubContext<OpsHub>>();
        var broadcaster = app.Services.GetRequiredService<OpsBroadcaster>();
        var clients = new List<Client>();
        var sequence = 0;
        try
        {
            foreach (var count in ClientCounts)
            {
                await ConnectAsync(app.BaseUrl, clients, count, budget.Token);
                var pushed = new List<double>();
                var raw = new List<double>();
                for (var round = 0; round < Rounds; round++)
                {
                    pushed.Add(await MeasureAsync(clients, () => intake.SubmitAsync(Incident(prefix, areaCode, ++sequence), budget.Token), startBeforeAct: false, budget.Token));
                    var counters = broadcaster.Latest!;
                    raw.Add(await MeasureAsync(clients, () => hub.Clients.All.SendAsync(OpsHub.CountersChanged, counters, budget.Token), startBeforeAct: true, budget.Token));
                    // Let the broadcaster's coalescing window pass so each round measures a single change.
                    await Task.Delay(OpsBroadcaster.Window + TimeSpan.FromMilliseconds(50), budget.Token);
                }

                Report($"push-latency-{tag}{count}-median", Percentile(pushed, 0.5), Percentile(raw, 0.5));
                Report($"push-latency-{tag}{count}-p95", Percentile(pushed, 0.95), Percentile(raw, 0.95));
            }
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.Connection.DisposeAsync().AsTask()));
            if (demo is not null)
            {
                Console.WriteLine($"push-latency: this run's incidents and their audit entries deleted ({await demo.DeleteIncidentsAsync(prefix):N0} rows)");
            }
        }
    }

    private static async Task ConnectAsync(string baseUrl, List<Client> clients, int count, CancellationToken cancellationToken)
    {
        var url = new Uri($"{baseUrl}{OpsHub.Route}?access_token={BenchApp.OpsKey}");
        while (clients.Count < count)
        {
            var batch = Enumerable.Range(0, Math.Min(50, count - clients.Count)).Select(_ => new Client(new HubConnectionBuilder()
                .WithUrl(url, o => { o.Transports = HttpTransportType.WebSockets; o.SkipNegotiation = true; })
                .Build())).ToList();
            await Task.WhenAll(batch.Select(c => c.Connection.StartAsync(cancellationToken)));
            clients.AddRange(batch);
        }
    }

    /// <summary>
    /// Milliseconds until the next CountersChanged reached every client, from the start of <paramref name="act"/> (the
    /// raw send) or from its end (the intake: it returns just after its commit and publish).
    /// </summary>
    private static async Task<double> MeasureAsync(List<Client> clients, Func<Task> act, bool startBeforeAct, CancellationToken cancellationToken)
    {
        foreach (var client in clients)
        {
            client.Arm();
        }

        var start = Stopwatch.GetTimestamp();
        await act();
        if (!startBeforeAct)
        {
            start = Stopwatch.GetTimestamp();
        }

        var arrivals = await Task.WhenAll(clients.Select(c => c.Next.WaitAsync(RoundTimeout, cancellationToken)));
        return Stopwatch.GetElapsedTime(start, Math.Max(start, arrivals.Max())).TotalMilliseconds;
    }

    private static IncidentSubmission Incident(string prefix, string areaCode, int sequence) => new(
        $"{prefix}{sequence:D6}", DateTime.UtcNow.AddMinutes(-1), AsbCategory.Nuisance, areaCode, "1 Bench Street", "LE1 1AA",
        52.6, -1.1, "Benchmark incident", new ThriveSubmission("t", "h", "r", "i", "v", "e", ThriveGrade.Scheduled), null, null);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static void Report(string name, double value, double baseline) =>
        Console.WriteLine(FormattableString.Invariant($"bench {name}: {value:F1} ms (baseline {baseline:F1} ms, ratio {value / baseline:F2})"));

    /// <summary>One hub client; records when the next CountersChanged arrives after <see cref="Arm"/>.</summary>
    private sealed class Client
    {
        private TaskCompletionSource<long> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Client(HubConnection connection)
        {
            Connection = connection;
            connection.On<System.Text.Json.JsonElement>(OpsHub.CountersChanged, _ => Volatile.Read(ref _next).TrySetResult(Stopwatch.GetTimestamp()));
        }

        public HubConnection Connection { get; }

        public Task<long> Next => Volatile.Read(ref _next).Task;

        public void Arm() => Volatile.Write(ref _next, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
