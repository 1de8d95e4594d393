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

    /// <summary>
    /// The timed posts and batches come after the runtime has settled: untimed rounds (<see cref="WarmSinglesAsync"/>,
    /// <see cref="WarmBatchesAsync"/>) until two rounds in a row make the JIT compile fewer than
    /// <see cref="QuietMethods"/> methods each, as in a server that has been up for a while. With tiered PGO each hot
    /// method is compiled three times (quick, instrumented, optimised), and the intake path reaches far (Kestrel,
    /// HttpClient, EF Core, Npgsql, SignalR): after 3,000 warm single posts the runtime still compiled 4,500–4,800 methods
    /// (2.4–2.9 s of JIT on 2 cores) inside the 3,000 timed ones; rounds of 500 posts compiled 400–1,800 methods each for
    /// the first 19 rounds, then under 30. Both phases print what the JIT still did inside the timed stretch.
    /// </summary>
    private const int QuietMethods = 50;
    private const int WarmSinglesPerRound = 500;
    private const int MaxWarmSingleRounds = 40;
    private const int WarmBatchesPerRound = 10;
    private const int MaxWarmBatchRounds = 30;

    /// <summary>The area the incidents name and the prefixes of their references (timed, and warm-up).</summary>
    private sealed record Load(string AreaCode, string Bench, string Warm)
    {
        /// <summary>A database of the benchmark's own: the area it adds, and the references of earlier runs.</summary>
        public static readonly Load Own = new("BENCH", "BENCH-", "WARM-");
    }

    public static async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "asbops-bench-intake-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await using var app = new IntakeApp($"Data Source={Path.Combine(folder, "app.db")}", postgres: false);
        app.StartServer();
        await app.SeedAreaAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);


        var single = await SinglePostsAsync(http, Load.Own);
        var batched = await BatchesAsync(http, Load.Own);
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

    /// <summary>
    /// The same load into PostgreSQL (<c>Database:Provider=Postgres</c>, a database of its own, dropped at the end), beside
    /// a raw binary COPY of the same rows, in batches of the same size, into a table shaped like the app's
    /// (<c>LIKE "Incidents" INCLUDING ALL</c>) in the same database. The server comes from <c>ASBOPS_BENCH_POSTGRES</c>
    /// (else <c>ASBOPS_TEST_POSTGRES</c>): a connection string without a database, for a user that may create one.
    /// </summary>
    public static async Task RunPostgresAsync()
    {
        if (JobsBenchHost.UsesPostgres)
        {
            await RunPostgresDemoAsync();
            return;
        }

        var server = Environment.GetEnvironmentVariable("ASBOPS_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("ASBOPS_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            Console.WriteLine("intake-postgres: set ASBOPS_BENCH_POSTGRES to a PostgreSQL connection string (no database) of a user that may create databases; skipped.");
            return;
        }

        var database = "asbops_bench_intake_" + Guid.NewGuid().ToString("N")[..8];
        var connectionString = $"{server};Database={database}";
        try
        {
            double single, p50, p99, batched, baseline;
            int stored, failures;
            await using (var app = new IntakeApp(connectionString, postgres: true))
            {
                app.StartServer();
                await app.SeedAreaAsync();
                using var http = new HttpClient { BaseAddress = app.BaseAddress };
                http.DefaultRequestHeaders.Add("X-Api-Key", Key);

                var singles = await SinglePostsAsync(http, Load.Own);
                (single, p50, p99, failures) = (singles.PerSecond, singles.P50Ms, singles.P99Ms, singles.Failures);
                batched = await BatchesAsync(http, Load.Own);
                stored = await app.CountAsync("BENCH-");
                baseline = await RawCopyAsync(connectionString, BatchCount * BatchSize, BatchSize);
            }

            Report.Line("intake-pg-single-throughput", single, "incidents/s", baseline, "raw COPY rows/s");
            Report.Line("intake-pg-single-p99", p99, "ms", BatchSize * 1000.0 / baseline, "ms per raw COPY of a batch");
            Report.Line("intake-pg-single-p50", p50, "ms", BatchSize * 1000.0 / baseline, "ms per raw COPY of a batch");
            Report.Line("intake-pg-batch-throughput", batched, "incidents/s", baseline, "raw COPY rows/s");
            var expected = SingleCount + (BatchCount * BatchSize);
            Console.WriteLine($"intake-postgres check: {stored} stored of {expected} posted, {failures} failed requests — {(stored == expected && failures == 0 ? "none lost or duplicated" : "MISMATCH")}");
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var admin = new Npgsql.NpgsqlConnection($"{server};Database=postgres");
            await admin.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// With <c>--provider postgres</c>: the same load into the PostgreSQL demo database named by
    /// <see cref="JobsBenchHost.PostgresVariable"/> (in place, as the other benchmarks read it), so intake is measured
    /// against a large force's tables and indexes; the incidents name the demo force's first area. The raw COPY baseline
    /// goes into the same "Incidents" table. This run's rows (references starting with its own prefix) and their audit
    /// entries are deleted at the end so that repeated runs leave the demo force as seeded; the database is not dropped.
    /// </summary>
    private static async Task RunPostgresDemoAsync()
    {
        if (await BenchPostgresDemo.OpenAsync("intake-postgres") is not { } demo)
        {
            return;
        }

        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var load = new Load(demo.AreaCode, $"BENCH{run}-", $"WARM{run}-");
        // The names JobsBenchHost gives the same database, so these lines sort with the other PostgreSQL ones.
        var (hostLabel, label) = demo.Names;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intake-postgres: into the demo database ({hostLabel}, {demo.Incidents:N0} incidents), area {demo.AreaCode}, references {load.Bench}… (deleted at the end)"));
        try
        {
            double single, p50, p99, batched, baseline;
            int stored, failures;
            await using (var app = new IntakeApp(demo.ConnectionString, postgres: true))
            {
                app.StartServer();
                using var http = new HttpClient { BaseAddress = app.BaseAddress };
                http.DefaultRequestHeaders.Add("X-Api-Key", Key);

                var singles = await SinglePostsAsync(http, load);
                (single, p50, p99, failures) = (singles.PerSecond, singles.P50Ms, singles.P99Ms, singles.Failures);
                batched = await BatchesAsync(http, load);
                stored = await app.CountAsync(load.Bench);
                baseline = await RawCopyAsync(demo.ConnectionString, BatchCount * BatchSize, BatchSize, intoIncidents: true, rawPrefix: $"RAW{run}-", areaId: demo.AreaId);
            }

            Report.Line($"intake-{label}-single-throughput", single, "incidents/s", baseline, "raw COPY rows/s");
            Report.Line($"intake-{label}-single-p99", p99, "ms", BatchSize * 1000.0 / baseline, "ms per raw COPY of a batch");
            Report.Line($"intake-{label}-single-p50", p50, "ms", BatchSize * 1000.0 / baseline, "ms per raw COPY of a batch");
            Report.Line($"intake-{label}-batch-throughput", batched, "incidents/s", baseline, "raw COPY rows/s");
            var expected = SingleCount + (BatchCount * BatchSize);
            Console.WriteLine($"intake-postgres check: {stored} stored of {expected} posted, {failures} failed requests — {(stored == expected && failures == 0 ? "none lost or duplicated" : "MISMATCH")}");
        }
        finally
        {
            var deleted = await demo.DeleteIncidentsAsync(load.Bench, load.Warm, $"RAW{run}-");
            Console.WriteLine($"intake-postgres: this run's incidents and their audit entries deleted ({deleted:N0} rows)");
        }
    }

    /// <summary>
    /// The baseline on PostgreSQL: the same incident rows by hand-written binary COPY, one transaction per batch, into a
    /// new table shaped like the app's, or with <paramref name="intoIncidents"/> into the app's "Incidents" table itself
    /// (references starting <paramref name="rawPrefix"/>).
    /// </summary>
    private static async Task<double> RawCopyAsync(string connectionString, int count, int rowsPerTransaction, bool intoIncidents = false, string rawPrefix = "RAW-", int areaId = 1)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (!intoIncidents)
        {
            await using var setup = new Npgsql.NpgsqlCommand("""CREATE TABLE raw_incidents (LIKE "Incidents" INCLUDING ALL)""", connection);
            await setup.ExecuteNonQueryAsync();
        }

        var copy = $"""
            COPY {(intoIncidents ? "\"Incidents\"" : "raw_incidents")} ("StormRef", "StormRefKey", "Source", "ReceivedAt", "AreaId", "Category", "Address", "Postcode", "Latitude",
              "Longitude", "Description", "Thrive_Grade", "Thrive_Threat", "Thrive_Harm", "Thrive_Risk", "ReporterName", "ReporterPhone",
              "RequestHash", "CreatedAt", "Version") FROM STDIN (FORMAT BINARY)
            """;
        var cpu = CpuUse.Now();
        var clock = Stopwatch.StartNew();
        for (var start = 0; start < count; start += rowsPerTransaction)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var importer = await connection.BeginBinaryImportAsync(copy))
            {
                for (var i = start; i < Math.Min(count, start + rowsPerTransaction); i++)
                {
                    var now = DateTime.UtcNow;
                    await importer.StartRowAsync();
                    await importer.WriteAsync($"{rawPrefix}{i:D7}", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync($"{rawPrefix}{i:D7}", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync("ControlRoom", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync(now.AddMinutes(-5), NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(areaId, NpgsqlTypes.NpgsqlDbType.Integer);
                    await importer.WriteAsync("Personal", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync("12 Example Road, Loughborough", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync("LE11 1AA", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync(52.77, NpgsqlTypes.NpgsqlDbType.Double);
                    await importer.WriteAsync(-1.2, NpgsqlTypes.NpgsqlDbType.Double);
                    await importer.WriteAsync("Youths kicking door, shouting abuse at occupant", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync("Priority", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync("Verbal threats", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync("Distress", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync("Likely to recur", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync("A Person", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync("07000 000000", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF", NpgsqlTypes.NpgsqlDbType.Varchar);
                    await importer.WriteAsync(now, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync(0, NpgsqlTypes.NpgsqlDbType.Integer);
                }

                await importer.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        clock.Stop();
        Console.WriteLine($"intake raw COPY: per batch of {rowsPerTransaction}, {CpuUse.PerItem(cpu, count / rowsPerTransaction)}");
        return count / clock.Elapsed.TotalSeconds;
    }

    private sealed record SingleResult(double PerSecond, double P50Ms, double P99Ms, int Failures);

    /// <summary>
    /// Posts that warm the endpoint, the connection pool and the JIT, as concurrent as the timed ones, in rounds until the
    /// JIT is quiet (see <see cref="WarmUntilQuietAsync"/>); not counted. Returns how many were posted.
    /// </summary>
    private static Task<int> WarmSinglesAsync(HttpClient http, Load load) =>
        WarmUntilQuietAsync(MaxWarmSingleRounds, WarmSinglesPerRound, async round =>
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < WarmSinglesPerRound)
                {
                    using var response = await http.PostAsJsonAsync("/api/v1/incidents", Incident(load, $"{load.Warm}{round}-{i}"));
                }
            }));
        });

    /// <summary>Batches that warm the batch path as <see cref="WarmSinglesAsync"/> warms the single posts.</summary>
    private static Task<int> WarmBatchesAsync(HttpClient http, Load load) =>
        WarmUntilQuietAsync(MaxWarmBatchRounds, WarmBatchesPerRound, async round =>
        {
            for (var b = 0; b < WarmBatchesPerRound; b++)
            {
                await PostBatchAsync(http, BatchBody(load, $"{load.Warm}B{round}-{b:D2}"));
            }
        });

    /// <summary>
    /// Rounds of untimed work until two in a row each compile fewer than <see cref="QuietMethods"/> methods (one quiet
    /// round alone happens early, between waves of recompiling), or the last round. Returns the items posted.
    /// </summary>
    private static async Task<int> WarmUntilQuietAsync(int maxRounds, int perRound, Func<int, Task> round)
    {
        var quietInARow = 0;
        for (var r = 0; r < maxRounds; r++)
        {
            var jit = JitWork.Now();
            await round(r);
            quietInARow = System.Runtime.JitInfo.GetCompiledMethodCount() - jit.Methods < QuietMethods ? quietInARow + 1 : 0;
            if (quietInARow == 2)
            {
                return (r + 1) * perRound;
            }
        }

        return maxRounds * perRound;
    }

    private static async Task<SingleResult> SinglePostsAsync(HttpClient http, Load load)
    {
        var warm = await WarmSinglesAsync(http, load);
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var jit = JitWork.Now();
        var cpu = CpuUse.Now();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < SingleCount)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/v1/incidents", Incident(load, $"{load.Bench}S-{i:D6}"));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        clock.Stop();
        Console.WriteLine($"intake-single: per incident, {CpuUse.PerItem(cpu, SingleCount)}; {jit.Since()} (after {warm:N0} warm posts)");
        var sorted = latencies.Order().ToList();
        return new SingleResult(SingleCount / clock.Elapsed.TotalSeconds, Report.Percentile(sorted, 50), Report.Percentile(sorted, 99), failures);
    }

    /// <summary>
    /// Batches posted one after another. The load generator is not the system under test, so the request bodies are
    /// serialised before the clock starts; every request still goes through Kestrel, the middleware and the endpoint.
    /// </summary>
    private static async Task<double> BatchesAsync(HttpClient http, Load load)
    {
        // Warm the batch path (JIT tiers, the writer) as the single posts were warmed; these references are not counted.
        var warm = await WarmBatchesAsync(http, load);

        var bodies = Enumerable.Range(0, BatchCount).Select(b => BatchBody(load, $"{load.Bench}B-{b:D3}")).ToList();
        var gcPause = GC.GetTotalPauseDuration();
        int[] gcCounts = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var perBatch = new List<double>(BatchCount);
        var jit = JitWork.Now();
        var cpu = CpuUse.Now();
        var clock = Stopwatch.StartNew();
        foreach (var body in bodies)
        {
            var started = Stopwatch.GetTimestamp();
            await PostBatchAsync(http, body);
            perBatch.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        clock.Stop();
        var jitted = jit.Since();
        perBatch.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"intake-batch: ms per batch of {BatchSize}: min {perBatch[0]:0.0}, median {Report.Percentile(perBatch, 50):0.0}, max {perBatch[^1]:0.0}; {CpuUse.PerItem(cpu, BatchCount)} per batch; GC {(GC.GetTotalPauseDuration() - gcPause).TotalMilliseconds:0} ms paused, collections gen0 {GC.CollectionCount(0) - gcCounts[0]}, gen1 {GC.CollectionCount(1) - gcCounts[1]}, gen2 {GC.CollectionCount(2) - gcCounts[2]}; {jitted} (after {warm} warm batches)"));
        return BatchCount * BatchSize / clock.Elapsed.TotalSeconds;
    }

    private static byte[] BatchBody(Load load, string prefix) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["incidents"] = new JsonArray([.. Enumerable.Range(0, BatchSize).Select(i => (JsonNode)Incident(load, $"{prefix}-{i:D4}"))]),
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

        var cpu = CpuUse.Now();
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

    private static JsonObject Incident(Load load, string stormRef) => new()
    {
        ["stormRef"] = stormRef,
        ["receivedAt"] = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["category"] = "personal",
        ["areaCode"] = load.AreaCode,
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
        private readonly string _connectionString;
        private readonly bool _postgres;

        public IntakeApp(string connectionString, bool postgres)
        {
            _connectionString = connectionString;
            _postgres = postgres;
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }

        public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSolutionRelativeContentRoot("src/AsbOps.Web");
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:AsbOps", _connectionString);
            builder.UseSetting("Database:Provider", _postgres ? "Postgres" : "Sqlite");
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
