using System.Diagnostics;
using System.Globalization;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Compliance;
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
    private readonly WebApplication _app;
    private readonly string _copy;

    private JobsBenchHost(WebApplication app, string copy)
    {
        _app = app;
        _copy = copy;
    }

    public IServiceProvider Services => _app.Services;

    public string DatabasePath => _copy;

    /// <summary>The demo database of a scale: ASBOPS_BENCH_DB{scale}, or /tmp/asbops-s{scale}.db.</summary>
    public static string SourceFor(int scale) =>
        Environment.GetEnvironmentVariable($"ASBOPS_BENCH_DB{scale}") is { Length: > 0 } path ? path : $"/tmp/asbops-s{scale}.db";

    public static JobsBenchHost? Open(int scale)
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

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["ConnectionStrings:AsbOps"] = $"Data Source={copy}";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Services.AddAsbOpsData(builder.Configuration, builder.Environment);
        builder.Services.AddComplianceFeature();
        builder.Services.AddRemindersFeature();
        builder.Services.AddHighRiskFeature();
        builder.Services.AddAsbOpsLive(builder.Configuration);
        builder.Services.AddAsbOpsEmail(builder.Configuration);
        builder.Services.AddAsbOpsJobs(builder.Configuration);
        var app = builder.Build();

        // The copy gets the schema of this build (its indexes included), as the app's start-up would give it.
        using (var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext())
        {
            db.Database.Migrate();
        }

        return new JobsBenchHost(app, copy);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
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

public static class JobsReport
{
    public static void Line(string name, double value, string unit, double baseline, string baselineUnit)
    {
        var ratio = baseline == 0 ? double.NaN : value / baseline;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench {name}: {value:0.###} {unit} (baseline {baseline:0.###} {baselineUnit}, ratio {ratio:0.###})"));
    }
}
