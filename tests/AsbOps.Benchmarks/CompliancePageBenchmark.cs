using System.Diagnostics;
using AsbOps.Domain.Compliance;
using AsbOps.Web.Features.Compliance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Benchmarks;

/// <summary>
/// The live compliance page's recompute after a change (what <c>CompliancePage.LoadAsync</c> asks: counts per area and
/// rule, each rule's oldest 50 findings, and new / carried / put right since the last weekly check) at scale 10,
/// force-wide, beside <see cref="CountersHandSql"/> counting the same rules by hand-written SQL in the same run.
/// Median and p95 of repeated runs; the goal is 100 ms.
/// </summary>
public static class CompliancePageBenchmark
{
    public const string Name = "compliance-page";
    private const int Runs = 15;

    public static async Task RunAsync()
    {
        await using var host = JobsBenchHost.Open(10);
        if (host is null)
        {
            return;
        }

        var options = host.Services.GetRequiredService<IOptions<ComplianceOptions>>().Value;
        await RecomputeAsync(host);
        await CountersHandSql.CountAsync(host.DatabasePath, options, null, DateTime.UtcNow);

        var page = new List<double>();
        var sql = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await RecomputeAsync(host);
            page.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            start = Stopwatch.GetTimestamp();
            await CountersHandSql.CountAsync(host.DatabasePath, options, null, DateTime.UtcNow);
            sql.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        page.Sort();
        sql.Sort();
        Console.WriteLine($"   parts of the last run: counts {_parts[0]:0} ms, findings of 7 rules {_parts[1]:0} ms, since the last check {_parts[2]:0} ms");
        Report.Line("compliance-page-scale10-median", Report.Percentile(page, 50), "ms", Report.Percentile(sql, 50), "ms hand-written SQL");
        Report.Line("compliance-page-scale10-p95", Report.Percentile(page, 95), "ms", Report.Percentile(sql, 95), "ms hand-written SQL");
    }

    private static readonly double[] _parts = new double[3];

    private static async Task RecomputeAsync(JobsBenchHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IComplianceQueries>();
        var start = Stopwatch.GetTimestamp();
        await queries.CountAsync(null);
        _parts[0] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = Stopwatch.GetTimestamp();
        foreach (var rule in ComplianceRuleText.All)
        {
            await queries.FindingsAsync(rule, null, CompliancePage.FindingsPerRule);
        }

        _parts[1] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        start = Stopwatch.GetTimestamp();
        await queries.SinceLastCheckAsync(null);
        _parts[2] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
