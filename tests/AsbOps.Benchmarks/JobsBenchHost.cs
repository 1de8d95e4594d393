using System.Diagnostics;
using System.Globalization;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Features.Reminders;
using AsbOps.Web.Jobs;
using AsbOps.Web.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsbOps.Benchmarks;

/// <summary>
/// The app's services (not the web server) over a copy of a demo database, for the sweep, workbook and export
/// benchmarks. Make the databases with <c>dotnet run --project src/AsbOps.Web -- --seed-demo N</c>.
/// </summary>
public sealed class JobsBenchHost : IAsyncDisposable
{
    /// <summary>Names the PostgreSQL demo database the benchmarks read with <c>--provider postgres</c>.</summary>
    public const string PostgresVariable = "ASBOPS_BENCH_POSTGRES_DB";

    private readonly WebApplication _app;
    private readonly string? _copy;

    private JobsBenchHost(WebApplication app, string? copy, string connectionString, string label)
    {
        _app = app;
        _copy = copy;
        ConnectionString = connectionString;
        Label = label;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>The SQLite copy the host runs on (SQLite only).</summary>
    public string DatabasePath => _copy ?? throw new InvalidOperationException("A PostgreSQL bench host has no database file.");

    /// <summary>Whether the benchmarks run on PostgreSQL (<c>--provider postgres</c> on the command line).</summary>
    public static bool UsesPostgres { get; } = ProviderArgument() == "postgres";

    public bool IsPostgres => _copy is null;

    /// <summary>The connection string of the database the host runs on, for the hand-written baselines.</summary>
    public string ConnectionString { get; }

    /// <summary>"scale 10" on SQLite; "PostgreSQL, scale N" (N from the number of cases) on PostgreSQL.</summary>
    public string Label { get; }

    /// <summary>
    /// The part of a result line's name that tells the data apart: "scale10" on SQLite (as before),
    /// "postgres-scale100" on PostgreSQL.
    /// </summary>
    public string Tag { get; private init; } = "";

    /// <summary>The label and result-name tag of a PostgreSQL demo database of <paramref name="cases"/> cases.</summary>
    public static (string Label, string Tag) PostgresNames(long cases)
    {
        var scale = Math.Max(1, (int)Math.Round(cases / 4382.0));
        return (string.Create(CultureInfo.InvariantCulture, $"PostgreSQL, scale {scale} ({cases:N0} cases)"),
            string.Create(CultureInfo.InvariantCulture, $"postgres-scale{scale}"));
    }

    /// <summary>A connection for hand-written SQL: read-only on the SQLite copy, or the PostgreSQL database.</summary>
    public System.Data.Common.DbConnection OpenBaselineConnection()
    {
        System.Data.Common.DbConnection connection = IsPostgres
            ? new Npgsql.NpgsqlConnection(ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_copy};Mode=ReadOnly");
        connection.Open();
        return connection;
    }

    /// <summary>The demo database of a scale: ASBOPS_BENCH_DB{scale}, or /tmp/asbops-s{scale}.db.</summary>
    public static string SourceFor(int scale) =>
        Environment.GetEnvironmentVariable($"ASBOPS_BENCH_DB{scale}") is { Length: > 0 } path ? path : $"/tmp/asbops-s{scale}.db";

    /// <summary>
    /// The host over a copy of the SQLite demo database of <paramref name="scale"/>; or, with <c>--provider postgres</c>,
    /// over the PostgreSQL demo database named by ASBOPS_BENCH_POSTGRES_DB (whatever its scale) for the largest scale a
    /// benchmark asks for (10), and none for scale 1. The PostgreSQL database is used in place, not copied (a copy of
    /// scale 100 is several GB): benchmarks that write leave what a user doing the same would leave.
    /// </summary>
    public static JobsBenchHost? Open(int scale)
    {
        return UsesPostgres ? OpenPostgres(scale) : OpenSqlite(scale);
    }

    private static JobsBenchHost? OpenPostgres(int scale)
    {
        if (scale < 10)
        {
            Console.WriteLine($"bench: scale {scale} is not run with --provider postgres (one database, {PostgresVariable})");
            return null;
        }

        if (Environment.GetEnvironmentVariable(PostgresVariable) is not { Length: > 0 } connectionString)
        {
            Console.WriteLine($"bench: {PostgresVariable} is not set; make a database with " +
                "Database__Provider=Postgres ConnectionStrings__AsbOps=\"Host=…;Database=asbops_s100\" dotnet run -c Release --project src/AsbOps.Web -- --seed-demo 100 " +
                $"and set {PostgresVariable} to the same connection string");
            return null;
        }

        var app = Build(connectionString, postgres: true);
        using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        db.Database.Migrate();
        var (label, tag) = PostgresNames(db.Cases.LongCount());
        return new JobsBenchHost(app, null, connectionString, label) { Tag = tag };
    }

    private static JobsBenchHost? OpenSqlite(int scale)
    {
        var source = SourceFor(scale);
        if (!File.Exists(source))
        {
            Console.WriteLine($"bench: no scale-{scale} database at {source}; make one with " +
                $"ConnectionStrings__AsbOps=\"Data Source={source}\" dotnet run -c Release --project src/AsbOps.Web -- --seed-demo {scale}");
            return null;
        }

        var copy = Path.Combine(Path.GetTempPath(), $"asbops-jobs-bench-{scale}-{Guid.NewGuid():N}.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={source}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"VACUUM INTO '{copy.Replace("'", "''")}'";
            command.ExecuteNonQuery();
        }

        var app = Build($"Data Source={copy}", postgres: false);

        // The copy gets the schema of this build (its indexes included), as the app's start-up would give it.
        using (var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext())
        {
            db.Database.Migrate();
        }

        return new JobsBenchHost(app, copy, $"Data Source={copy}", $"scale {scale}") { Tag = $"scale{scale}" };
    }

    private static WebApplication Build(string connectionString, bool postgres)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:AsbOps"] = connectionString;
        if (postgres)
        {
            builder.Configuration["Database:Provider"] = "Postgres";
        }

        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Services.AddAsbOpsData(builder.Configuration, builder.Environment);
        builder.Services.AddCasesFeature();
        builder.Services.AddComplianceFeature();
        builder.Services.AddDashboardFeature();
        builder.Services.AddRemindersFeature();
        builder.Services.AddHighRiskFeature();
        builder.Services.AddAsbOpsLive(builder.Configuration);
        builder.Services.AddAsbOpsEmail(builder.Configuration);
        builder.Services.AddAsbOpsJobs(builder.Configuration);
        return builder.Build();
    }

    /// <summary><c>--provider sqlite|postgres</c> from the command line (sqlite when absent).</summary>
    private static string ProviderArgument()
    {
        var args = Environment.GetCommandLineArgs();
        var index = Array.IndexOf(args, "--provider");
        var value = index >= 0 && index + 1 < args.Length ? args[index + 1].ToLowerInvariant() : "sqlite";
        return value is "sqlite" or "postgres"
            ? value
            : throw new ArgumentException($"--provider takes sqlite or postgres, not '{value}'");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_copy is null)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _copy, _copy + "-wal", _copy + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>Time and peak working set of one operation (the working set sampled every few milliseconds).</summary>
public sealed record Measured(double Milliseconds, double PeakWorkingSetMb, double AllocatedMb)
{
    public static async Task<(T Result, Measured Measure)> RunAsync<T>(Func<Task<T>> operation)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        long peak = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5, CancellationToken.None);
            }
        });
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = await operation();
        clock.Stop();
        var allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);
        await stop.CancelAsync();
        await sampler;
        process.Refresh();
        peak = Math.Max(peak, process.WorkingSet64);
        return (result, new Measured(clock.Elapsed.TotalMilliseconds, peak / 1048576.0, (allocatedAfter - allocated) / 1048576.0));
    }
}
