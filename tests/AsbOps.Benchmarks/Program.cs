namespace AsbOps.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/AsbOps.Benchmarks -- --list | sweep | workbook | export</c>. Each prints
/// <c>bench NAME: value unit (baseline value unit, ratio x)</c>.
/// </summary>
public static class BenchmarkProgram
{
    private static readonly (string Name, string Description, Func<Task> Run)[] Benchmarks =
    [
        (SweepBenchmark.Name, "Compliance sweep at scale 1 and 10 beside hand-written SQL counting the same rules", SweepBenchmark.RunAsync),
        (WorkbookBenchmark.Name, "Weekly compliance workbook (ClosedXML) at scale 10 beside SpreadCheetah writing the same rows", WorkbookBenchmark.RunAsync),
        (ExportBenchmark.Name, "Bulk case export (SpreadCheetah) of the scale-10 force beside writing constant rows", ExportBenchmark.RunAsync),
    ];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args.Contains("--list"))
        {
            foreach (var (name, description, _) in Benchmarks)
            {
                Console.WriteLine($"{name,-10} {description}");
            }

            return 0;
        }

        var unknown = args.Where(a => a != "all" && Benchmarks.All(b => b.Name != a)).ToList();
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync($"Unknown benchmark(s): {string.Join(", ", unknown)}. Use --list.");
            return 2;
        }

        foreach (var (name, description, run) in Benchmarks.Where(b => args.Contains("all") || args.Contains(b.Name)))
        {
            Console.WriteLine($"== {name}: {description}");
            await run();
        }

        return 0;
    }
}
