namespace AsbOps.Benchmarks;

/// <summary>One benchmark: a name for the command line, what it measures, and how to run it.</summary>
public sealed record Benchmark(string Name, string Description, Func<Task> RunAsync);

/// <summary>Every benchmark by name. Each prints lines <c>bench NAME: value unit (baseline value unit, ratio x)</c>.</summary>
public static class BenchmarkCatalog
{
    public static IReadOnlyList<Benchmark> All { get; } =
    [
        new("intake", "Control-room intake on SQLite: single posts and batches of 500, beside raw Microsoft.Data.Sqlite inserts", IntakeBenchmark.RunAsync),
        new("intake-postgres", "Control-room intake on PostgreSQL (COPY writes): single posts and batches of 500, beside a raw binary COPY of the same rows (ASBOPS_BENCH_POSTGRES, else ASBOPS_TEST_POSTGRES; with --provider postgres into the demo database of ASBOPS_BENCH_POSTGRES_DB)", IntakeBenchmark.RunPostgresAsync),
        new(SweepBenchmark.Name, "Compliance sweep at scale 1 and 10 beside hand-written SQL counting the same rules (ASBOPS_BENCH_DB1/DB10)", SweepBenchmark.RunAsync),
        new(WorkbookBenchmark.Name, "Weekly compliance workbook (streamed) at scale 10 beside SpreadCheetah writing the same rows", WorkbookBenchmark.RunAsync),
        new(ExportBenchmark.Name, "Bulk case export (SpreadCheetah) of the scale-10 force beside writing constant rows (ASBOPS_BENCH_DB10; --provider postgres: ASBOPS_BENCH_POSTGRES_DB)", ExportBenchmark.RunAsync),
        new(PushLatencyBenchmark.Name, "Commit-to-client latency of CountersChanged to 100/500/1000 SignalR clients, beside a raw hub broadcast", () => PushLatencyBenchmark.RunAsync([])),
        new(TwoInstancePushBenchmark.Name, "Push latency across two instances (not part of all): a commit on instance A to 2,000 SignalR clients split across A and B through a real Redis backplane (p50, p95, p99), beside a raw Clients.All broadcast through the same backplane (--clients N, --rounds N)", () => TwoInstancePushBenchmark.RunAsync(Environment.GetCommandLineArgs())),
        new(CircuitsBenchmark.Name, "Live dashboard circuits on one instance (not part of all): N Chromium pages signed in as the demo inspector; server memory per circuit, CPU while a change is pushed, p50/p95 until every page shows a posted incident (--pages N, default 100; --rounds N)", () => CircuitsBenchmark.RunAsync(Environment.GetCommandLineArgs())),
        new(CircuitsProtocolBenchmark.Name, "Live dashboard circuits without browsers (not part of all): N real Blazor Server circuits over the circuit protocol (blazorpack on /_blazor) held by a client process of their own; server memory per circuit, app CPU while a change is pushed, p50/p95 until every circuit has received a render batch showing a posted incident (--circuits N, default 100; --rounds N)", () => CircuitsProtocolBenchmark.RunAsync(Environment.GetCommandLineArgs())),
        new(CountersBenchmark.Name, "Dashboard snapshot (counters, queues, heatmaps, trend) at scale 1 and 10, force-wide and one area (median, p95): recomputed, and served from the kept snapshot; beside hand-written SQL counting the same (ASBOPS_BENCH_DB1/DB10; --provider postgres: ASBOPS_BENCH_POSTGRES_DB)", CountersBenchmark.RunAsync),
        new(CaseListBenchmark.Name, "The case list's first page of 50 rows at scale 10, newest / filtered / searched (median, p95), beside hand-written SQL returning the same rows (ASBOPS_BENCH_DB10; --provider postgres: ASBOPS_BENCH_POSTGRES_DB)", CaseListBenchmark.RunAsync),
        new(CompliancePageBenchmark.Name, "The live compliance page's recompute after a change at scale 10 (counts, 50 findings per rule, since the last weekly check; median, p95) beside hand-written SQL counting the same rules (ASBOPS_BENCH_DB10; --provider postgres: ASBOPS_BENCH_POSTGRES_DB)", CompliancePageBenchmark.RunAsync),
        new(CaseRecordBenchmark.Name, "A scale-10 case page's data with 200 notes, 100 contacts and 50 files (median, p95), and the subject access workbook of the busiest person, each beside hand-written SQL reading the same rows (ASBOPS_BENCH_DB10; --provider postgres: ASBOPS_BENCH_POSTGRES_DB)", CaseRecordBenchmark.RunAsync),
        new(WhatIfBenchmark.Name, "Guidance what-if replay of a draft over a year of complete assessments at scale 1 and 10 (time, peak working set) beside the same rescoring as a plain loop over rows preloaded by hand-written SQL (ASBOPS_BENCH_DB1/DB10; --provider postgres: ASBOPS_BENCH_POSTGRES_DB)", WhatIfBenchmark.RunAsync),
        new(SoakBenchmark.Name, "Soak and faults (--minutes N, default 10): the app as a process in Production on a scale-1 demo force, 50 incidents/s with bursts, 100 hub clients, snapshot reads, jobs, SMTP refusing for a minute, SIGKILL and restart; incidents and emails lost or doubled, memory and p99 per minute", SoakBenchmark.RunAsync),
        new(AssessmentSaveBenchmark.Name, "Saving a complete victim assessment at scale 10 (median, p95) beside the same rows by hand-written SQL (ASBOPS_BENCH_DB10, else generated)", AssessmentSaveBenchmark.RunAsync),
    ];

    /// <summary>Benchmarks that take several minutes or start other programs (a browser, redis-server): named only.</summary>
    private static readonly string[] LongRuns = [SoakBenchmark.Name, TwoInstancePushBenchmark.Name, CircuitsBenchmark.Name, CircuitsProtocolBenchmark.Name];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args.Contains("--list"))
        {
            foreach (var benchmark in All)
            {
                Console.WriteLine($"{benchmark.Name,-16} {benchmark.Description}");
            }

            return 0;
        }

        // Options ("--minutes 3") belong to the benchmark that reads them; "all" leaves out the long runs.
        var names = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal))).ToList();
        var chosen = names.Contains("all") ? All.Where(b => !LongRuns.Contains(b.Name)).ToList() : All.Where(b => names.Contains(b.Name)).ToList();
        var unknown = names.Where(a => a != "all" && All.All(b => b.Name != a)).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown benchmark(s): {string.Join(", ", unknown)}. Use --list.");
            return 2;
        }

        foreach (var benchmark in chosen)
        {
            Console.WriteLine($"== {benchmark.Name}: {benchmark.Description}");
            await benchmark.RunAsync();
        }

        return 0;
    }
}
