using System.Diagnostics;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Benchmarks;

/// <summary>
/// The live compliance page's recompute after a change at scale 10, force-wide: what <c>CompliancePage.LoadAsync</c>
/// asks (counts per area and rule, each rule's oldest 50 findings, new / carried / put right since the last weekly
/// check). A case is changed and committed, its change published as the services publish it, and the page's answer
/// timed from the kept board (ADR 0022), which reads only that case again. Beside it in the same run: the same answer
/// read from the database by the set-based queries (what the page did before the board, and what the board does once a
/// minute), and <see cref="CountersHandSql"/> counting the same rules by hand-written SQL. Median and p95; goal 100 ms.
/// With <c>--provider postgres</c> the same on the PostgreSQL demo database (<see cref="JobsBenchHost.PostgresVariable"/>),
/// the hand-written SQL in its dialect; the cases' action plan deadlines moved there are put back afterwards.
/// </summary>
public static class CompliancePageBenchmark
{
    public const string Name = "compliance-page";
    private const int Runs = 21;

    public static async Task RunAsync()
    {
        await using var host = JobsBenchHost.Open(10);
        if (host is null)
        {
            return;
        }

        var options = host.Services.GetRequiredService<IOptions<ComplianceOptions>>().Value;
        var board = host.Services.GetRequiredService<ComplianceBoard>();
        var notifier = host.Services.GetRequiredService<OpsNotifier>();
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>();

        // The cases changed in turn: open high-risk cases, whose action plan deadline is moved back and forth.
        List<(long Id, string Reference, string Area, DateTime? Since)> cases;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            cases = (await db.Cases.AsNoTracking().Where(CaseStanding.IsOpen).Where(c => c.HighRiskSince != null)
                    .OrderBy(c => c.Id).Take(Runs).Select(c => new { c.Id, c.Reference, Area = db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).First(), c.HighRiskSince }).ToListAsync())
                .Select(c => (c.Id, c.Reference, c.Area, c.HighRiskSince)).ToList();
        }

        var firstReading = Stopwatch.GetTimestamp();
        await board.GetAsync(null, CompliancePage.FindingsPerRule);
        var firstMs = Stopwatch.GetElapsedTime(firstReading).TotalMilliseconds;
        await FromDatabaseAsync(host);
        await CountersHandSql.CountAsync(host, options, null, DateTime.UtcNow);

        var page = new List<double>();
        var queries = new List<double>();
        var sql = new List<double>();
        var reread = board.CasesReread;
        var full = board.FullReadings;
        for (var i = 0; i < Runs; i++)
        {
            var (id, reference, area, _) = cases[i % cases.Count];
            await using (var db = await dbFactory.CreateDbContextAsync())
            {
                var since = i % 2 == 0 ? DateTime.UtcNow.AddDays(-5) : DateTime.UtcNow.AddHours(-1);
                await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.HighRiskSince, since));
            }

            notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, area, reference, DateTime.UtcNow));
            var start = Stopwatch.GetTimestamp();
            await board.GetAsync(null, CompliancePage.FindingsPerRule);
            page.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            start = Stopwatch.GetTimestamp();
            await FromDatabaseAsync(host);
            queries.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            start = Stopwatch.GetTimestamp();
            await CountersHandSql.CountAsync(host, options, null, DateTime.UtcNow);
            sql.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        // The demo database is used in place on PostgreSQL: the deadlines go back as they were (a no-op on the SQLite copy).
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            foreach (var (id, _, _, since) in cases)
            {
                await db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.HighRiskSince, since));
            }
        }

        page.Sort();
        queries.Sort();
        sql.Sort();
        Console.WriteLine($"   the board read {board.CasesReread - reread} changed cases again and the whole force {board.FullReadings - full} times " +
            $"in {Runs} runs; its first reading of the whole force took {firstMs:0} ms; parts of the last database read: counts " +
            $"{_parts[0]:0} ms, findings of 7 rules {_parts[1]:0} ms, since the last check {_parts[2]:0} ms");
        var tag = host.Tag;
        Report.Line($"compliance-page-{tag}-median", Report.Percentile(page, 50), "ms", Report.Percentile(sql, 50), "ms hand-written SQL");
        Report.Line($"compliance-page-{tag}-p95", Report.Percentile(page, 95), "ms", Report.Percentile(sql, 95), "ms hand-written SQL");
        Report.Line($"compliance-page-from-database-{tag}-median", Report.Percentile(queries, 50), "ms", Report.Percentile(sql, 50), "ms hand-written SQL");
    }

    private static readonly double[] _parts = new double[3];

    /// <summary>The page's answer read from the database by the set-based queries (the board's reading every minute).</summary>
    private static async Task FromDatabaseAsync(JobsBenchHost host)
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
