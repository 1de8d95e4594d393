using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsbOps.Domain.Areas;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Benchmarks;

/// <summary>
/// Sustained intake through the real HTTP API on Kestrel (loopback) into a SQLite file, from a load generator in
/// this process; beside raw Microsoft.Data.Sqlite inserts of the same rows into another file in the same run.
/// Bounded: a fixed count of incidents, and it stops by itself.
/// </summary>
public static class IntakeBenchmark
{
    private const string Key = "bench-intake-key";
    private const int SingleCount = 3000;
    private const int Concurrency = 8;
    private const int BatchCount = 20;
    private const int BatchSize = 500;

    public static async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "asbops-bench-intake-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await using var app = new IntakeApp(Path.Combine(folder, "app.db"));
        app.StartServer();
        await app.SeedAreaAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);

        // Warm up the endpoint, JIT and connection pool.
        for (var i = 0; i < 50; i++)
        {
            await http.PostAsJsonAsync("/api/v1/incidents", Incident($"WARM-{i}"));
        }

        var single = await SinglePostsAsync(http);
        var batched = await BatchesAsync(http);
        var stored = await app.CountAsync("BENCH-");
        var baselineSingle = RawInserts(Path.Combine(folder, "raw-single.db"), SingleCount, rowsPerTransaction: 1);
        var baselineBatch = RawInserts(Path.Combine(folder, "raw-batch.db"), BatchCount * BatchSize, rowsPerTransaction: BatchSize);

        Report.Line("intake-single-throughput", single.PerSecond, "incidents/s", baselineSingle, "raw inserts/s");
        Report.Line("intake-single-p99", single.P99Ms, "ms", 1000.0 / baselineSingle, "ms per raw insert");
        Report.Line("intake-single-p50", single.P50Ms, "ms", 1000.0 / baselineSingle, "ms per raw insert");
        Report.Line("intake-batch-throughput", batched, "incidents/s", baselineBatch, "raw inserts/s");
        var expected = SingleCount + (BatchCount * BatchSize);
        Console.WriteLine($"intake check: {stored} stored of {expected} posted, {single.Failures} failed requests — {(stored == expected && single.Failures == 0 ? "none lost or duplicated" : "MISMATCH")}");

        SqliteConnection.ClearAllPools();
        TryDelete(folder);
    }

    private sealed record SingleResult(double PerSecond, double P50Ms, double P99Ms, int Failures);

    private static async Task<SingleResult> SinglePostsAsync(HttpClient http)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < SingleCount)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/v1/incidents", Incident($"BENCH-S-{i:D6}"));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        clock.Stop();
        var sorted = latencies.Order().ToList();
        return new SingleResult(SingleCount / clock.Elapsed.TotalSeconds, Report.Percentile(sorted, 50), Report.Percentile(sorted, 99), failures);
    }

    /// <summary>
    /// Batches posted one after another. The load generator is not the system under test, so the request bodies are
    /// serialised before the clock starts; every request still goes through Kestrel, the middleware and the endpoint.
    /// </summary>
    private static async Task<double> BatchesAsync(HttpClient http)
    {
        // Warm the batch path (JIT tiers, the writer) as the single posts were warmed; these references are not counted.
        foreach (var warm in Enumerable.Range(0, 2).Select(b => BatchBody($"WARM-B-{b:D3}")))
        {
            await PostBatchAsync(http, warm);
        }

        var bodies = Enumerable.Range(0, BatchCount).Select(b => BatchBody($"BENCH-B-{b:D3}")).ToList();
        var gcPause = GC.GetTotalPauseDuration();
        int[] gcCounts = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var perBatch = new List<double>(BatchCount);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            var started = Stopwatch.GetTimestamp();
            await PostBatchAsync(http, body);
            perBatch.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        clock.Stop();
        perBatch.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intake-batch: ms per batch of {BatchSize}: min {perBatch[0]:0.0}, median {Report.Percentile(perBatch, 50):0.0}, max {perBatch[^1]:0.0}; process CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / BatchCount:0.0} ms per batch; GC {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:0} ms paused, collections gen0 {GC.CollectionCount(0) - gcCounts[0]}, gen1 {GC.CollectionCount(1) - gcCounts[1]}, gen2 {GC.CollectionCount(2) - gcCounts[2]}"));
        return BatchCount * BatchSize / clock.Elapsed.TotalSeconds;
    }

    private static byte[] BatchBody(string prefix) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["incidents"] = new JsonArray([.. Enumerable.Range(0, BatchSize).Select(i => (JsonNode)Incident($"{prefix}-{i:D4}"))]),
    });

    private static async Task PostBatchAsync(HttpClient http, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/api/v1/incidents:batch", content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The baseline: the same rows written with prepared Microsoft.Data.Sqlite commands, in WAL mode.</summary>
    private static double RawInserts(string path, int count, int rowsPerTransaction)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE Incidents (Id INTEGER PRIMARY KEY, StormRef TEXT NOT NULL UNIQUE, ReceivedAt TEXT, AreaId INTEGER,
                  Category TEXT, Address TEXT, Postcode TEXT, Latitude REAL, Longitude REAL, Description TEXT, Thrive_Grade TEXT,
                  Thrive_Threat TEXT, Thrive_Harm TEXT, Thrive_Risk TEXT, ReporterName TEXT, ReporterPhone TEXT, RequestHash TEXT, CreatedAt TEXT);
                """;
            setup.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        for (var start = 0; start < count; start += rowsPerTransaction)
        {
            using var transaction = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO Incidents (StormRef, ReceivedAt, AreaId, Category, Address, Postcode, Latitude, Longitude, Description,
                  Thrive_Grade, Thrive_Threat, Thrive_Harm, Thrive_Risk, ReporterName, ReporterPhone, RequestHash, CreatedAt)
                VALUES ($ref, $at, 1, 'Personal', '12 Example Road, Loughborough', 'LE11 1AA', 52.77, -1.2,
                  'Youths kicking door, shouting abuse at occupant', 'Priority', 'Verbal threats', 'Distress', 'Likely to recur',
                  'A Person', '07000 000000', $hash, $at);
                """;
            var reference = insert.Parameters.Add("$ref", SqliteType.Text);
            var at = insert.Parameters.Add("$at", SqliteType.Text);
            var hash = insert.Parameters.Add("$hash", SqliteType.Text);
            insert.Prepare();
            for (var i = start; i < Math.Min(count, start + rowsPerTransaction); i++)
            {
                reference.Value = $"RAW-{i:D7}";
                at.Value = DateTime.UtcNow.ToString("O");
                hash.Value = "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF";
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private static JsonObject Incident(string stormRef) => new()
    {
        ["stormRef"] = stormRef,
        ["receivedAt"] = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["category"] = "personal",
        ["areaCode"] = "BENCH",
        ["location"] = new JsonObject { ["address"] = "12 Example Road, Loughborough", ["postcode"] = "LE11 1AA", ["lat"] = 52.77, ["lon"] = -1.2 },
        ["description"] = "Youths kicking door, shouting abuse at occupant",
        ["thrive"] = new JsonObject { ["threat"] = "Verbal threats", ["harm"] = "Distress", ["risk"] = "Likely to recur", ["grade"] = "priority" },
        ["reporter"] = new JsonObject { ["name"] = "A Person", ["phone"] = "07000 000000" },
    };

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>The app on Kestrel at 127.0.0.1 with one generous API client, jobs and demo data off.</summary>
    private sealed class IntakeApp : WebApplicationFactory<Program>
    {
        private readonly string _database;

        public IntakeApp(string database)
        {
            _database = database;
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }

        public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSolutionRelativeContentRoot("src/AsbOps.Web");
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:AsbOps", $"Data Source={_database}");
            builder.UseSetting("Demo:SeedOnStart", "false");
            builder.UseSetting("Jobs:Enabled", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("ApiClients:0:Name", "bench");
            builder.UseSetting("ApiClients:0:Key", Key);
            builder.UseSetting("ApiClients:0:Scopes:0", "incidents:write");
            builder.UseSetting("ApiClients:0:RequestsPerMinute", "100000000");
        }

        public async Task SeedAreaAsync()
        {
            await using var db = Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
            db.Areas.Add(new Area { Code = "BENCH", Name = "Bench" });
            await db.SaveChangesAsync();
        }

        public async Task<int> CountAsync(string prefix)
        {
            await using var db = Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
            return await db.Incidents.CountAsync(i => i.StormRef.StartsWith(prefix));
        }
    }
}
