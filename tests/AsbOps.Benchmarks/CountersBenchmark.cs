using System.Diagnostics;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Benchmarks;

/// <summary>
/// The dashboard snapshot (counters, queues, both heatmaps and the trend, <see cref="IOpsDashboardQueries.LoadAsync"/>)
/// at scale 1 and 10 (with <c>--provider postgres</c>, the PostgreSQL demo database), force-wide and for one area, beside <see cref="CountersHandSql"/> counting the same numbers in
/// the same run, once from the raw rows (which also checks the stored standing) and once from the stored standing as
/// the service reads it. Prints median and p95 of repeated runs, and both sets of numbers so that anyone can see they agree.
/// The plain lines are the recompute (<see cref="OpsDashboardQueries"/>, what every committed change costs once per
/// scope); the <c>-served</c> lines are what a page reads between changes (<see cref="IOpsDashboardQueries"/>, the
/// snapshot kept by <see cref="DashboardSnapshots"/>, from memory).
/// </summary>
public static class CountersBenchmark
{
    public const string Name = "counters";
    private const int Runs = 15;

    public static async Task RunAsync()
    {
        foreach (var scale in new[] { 1, 10 })
        {
            await using var host = JobsBenchHost.Open(scale);
            if (host is null)
            {
                continue;
            }

            var options = host.Services.GetRequiredService<IOptions<ComplianceOptions>>().Value;
            await using var setup = host.Services.CreateAsyncScope();
            var areas = await setup.ServiceProvider.GetRequiredService<IOpsDashboardQueries>().AreasAsync();
            var area = areas[0];
            foreach (var (label, areaId) in new[] { ("force", (int?)null), ("area-" + area.Code, area.Id) })
            {
                await MeasureScopeAsync(host, options, label, areaId);
            }
        }
    }

    private static async Task MeasureScopeAsync(JobsBenchHost host, ComplianceOptions options, string label, int? areaId)
    {
        // One untimed run of each warms EF Core's query cache and the SQLite page cache alike.
        await LoadAsync(host, areaId);
        await ServeAsync(host, areaId);
        await CountersHandSql.CountAsync(host, options, areaId, DateTime.UtcNow);
        await CountersHandSql.CountAsync(host, options, areaId, DateTime.UtcNow, fromStoredStanding: true);

        var service = new List<double>();
        var served = new List<double>();
        var sql = new List<double>();
        var storedSql = new List<double>();
        OpsDashboardData? data = null;
        IReadOnlyDictionary<string, int>? hand = null;
        IReadOnlyDictionary<string, int>? handStored = null;
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            data = await LoadAsync(host, areaId);
            service.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            start = Stopwatch.GetTimestamp();
            await ServeAsync(host, areaId);
            served.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            // Both hand-written counts at one instant, so that the check below compares the stored standing with the raw
            // rows and not two moments (a review falling due between them showed as a mismatch at scale 100).
            var now = DateTime.UtcNow;
            start = Stopwatch.GetTimestamp();
            hand = await CountersHandSql.CountAsync(host, options, areaId, now);
            sql.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            start = Stopwatch.GetTimestamp();
            handStored = await CountersHandSql.CountAsync(host, options, areaId, now, fromStoredStanding: true);
            storedSql.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var scope = host.Tag;
        var numbers = Numbers(data!);
        var differ = numbers.Keys.Union(hand!.Keys).Where(k => numbers.GetValueOrDefault(k) != hand.GetValueOrDefault(k)).Order().ToList();
        Console.WriteLine($"   {host.Label} {label} service: {Format(numbers)}");
        Console.WriteLine($"   {host.Label} {label} hand SQL: {Format(hand)}");
        Console.WriteLine(differ.Count == 0
            ? $"   {host.Label} {label}: service and hand SQL agree on {numbers.Count} non-zero numbers"
            : $"   {host.Label} {label}: MISMATCH on {string.Join(", ", differ.Select(k => $"{k} {numbers.GetValueOrDefault(k)}≠{hand.GetValueOrDefault(k)}"))}");

        var storedDiffer = hand.Keys.Union(handStored!.Keys).Where(k => hand.GetValueOrDefault(k) != handStored.GetValueOrDefault(k)).Order().ToList();
        Console.WriteLine(storedDiffer.Count == 0
            ? $"   {host.Label} {label}: hand SQL over the stored standing agrees with hand SQL over the raw rows"
            : $"   {host.Label} {label}: MISMATCH between the stored standing and the raw rows on {string.Join(", ", storedDiffer)}");

        var servedNumbers = Numbers(await ServeAsync(host, areaId));
        Console.WriteLine(servedNumbers.Count == numbers.Count && servedNumbers.All(n => numbers.GetValueOrDefault(n.Key) == n.Value)
            ? $"   {host.Label} {label}: the served snapshot holds the same numbers"
            : $"   {host.Label} {label}: MISMATCH between the served snapshot and the recompute");

        service.Sort();
        served.Sort();
        sql.Sort();
        storedSql.Sort();
        Report.Line($"counters-{scope}-{label}-median", Report.Percentile(service, 50), "ms", Report.Percentile(sql, 50), "ms hand-written SQL");
        Report.Line($"counters-{scope}-{label}-p95", Report.Percentile(service, 95), "ms", Report.Percentile(sql, 95), "ms hand-written SQL");
        Report.Line($"counters-{scope}-{label}-vs-stored-sql-median", Report.Percentile(service, 50), "ms", Report.Percentile(storedSql, 50), "ms hand-written SQL over the stored standing");
        Report.Line($"counters-{scope}-{label}-vs-stored-sql-p95", Report.Percentile(service, 95), "ms", Report.Percentile(storedSql, 95), "ms hand-written SQL over the stored standing");
        Report.Line($"counters-{scope}-{label}-served-median", Report.Percentile(served, 50), "ms", Report.Percentile(sql, 50), "ms hand-written SQL");
        Report.Line($"counters-{scope}-{label}-served-p95", Report.Percentile(served, 95), "ms", Report.Percentile(sql, 95), "ms hand-written SQL");
    }

    /// <summary>The recompute: every query of the snapshot, as after a committed change.</summary>
    private static async Task<OpsDashboardData> LoadAsync(JobsBenchHost host, int? areaId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpsDashboardQueries>().LoadAsync(areaId);
    }

    /// <summary>The read of a page between changes: the kept snapshot (computed by the first read of the scope).</summary>
    private static async Task<OpsDashboardData> ServeAsync(JobsBenchHost host, int? areaId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOpsDashboardQueries>().LoadAsync(areaId);
    }

    /// <summary>The service's numbers under the keys <see cref="CountersHandSql"/> uses; zeros left out, as SQL has no row for them.</summary>
    private static Dictionary<string, int> Numbers(OpsDashboardData data)
    {
        var c = data.Counters;
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["awaitingScreening"] = c.AwaitingScreening,
            ["openCases"] = c.OpenCases,
            ["highRiskCases"] = c.HighRiskCases,
            ["missingAssessments"] = c.MissingAssessments,
            ["unknownAnswers"] = c.UnknownAnswers,
            ["overdueReviews"] = c.OverdueReviews,
        };
        foreach (var (code, a) in c.ByArea)
        {
            numbers[$"{code}.awaitingScreening"] = a.AwaitingScreening;
            numbers[$"{code}.openCases"] = a.OpenCases;
            numbers[$"{code}.highRiskCases"] = a.HighRiskCases;
            numbers[$"{code}.missingAssessments"] = a.MissingAssessments;
            numbers[$"{code}.unknownAnswers"] = a.UnknownAnswers;
            numbers[$"{code}.overdueReviews"] = a.OverdueReviews;
        }

        foreach (var queue in data.Queues)
        {
            numbers[$"queue.{queue.Key}"] = queue.Count;
        }

        foreach (var (prefix, map) in new[] { ("role", data.RoleHeatmap), ("area", data.AreaHeatmap) })
        {
            foreach (var row in map.Rows)
            {
                foreach (var cell in row.Cells)
                {
                    numbers[$"{prefix}.{row.Key}.{CaseDisplay.Key(cell.Level)}"] = cell.Count;
                }
            }
        }

        numbers["trendPoints"] = data.Trend.Count;
        return numbers.Where(n => n.Value != 0).ToDictionary(StringComparer.Ordinal);
    }

    private static string Format(IReadOnlyDictionary<string, int> numbers) =>
        string.Join(' ', numbers.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key}={n.Value}"));
}
