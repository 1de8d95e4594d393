namespace AsbOps.Benchmarks;

/// <summary>
/// Runs one benchmark by name (<c>--list</c> names them); each prints lines
/// <c>bench &lt;name&gt;: &lt;value&gt; &lt;unit&gt; (baseline &lt;value&gt; &lt;unit&gt;, ratio &lt;x&gt;)</c>.
/// Not called Program: the web app's <c>Program</c> is the entry point the benchmarks host.
/// </summary>
public static class BenchmarkDispatcher
{
    private static readonly Dictionary<string, Func<string[], Task>> Benchmarks = new(StringComparer.Ordinal)
    {
        [PushLatencyBenchmark.Name] = PushLatencyBenchmark.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--list" or "-l")
        {
            Console.WriteLine(string.Join(Environment.NewLine, Benchmarks.Keys.Order(StringComparer.Ordinal)));
            return args.Length == 0 ? 1 : 0;
        }

        if (!Benchmarks.TryGetValue(args[0], out var run))
        {
            await Console.Error.WriteLineAsync($"Unknown benchmark \"{args[0]}\". Known: {string.Join(", ", Benchmarks.Keys)}");
            return 2;
        }

        await run(args[1..]);
        return 0;
    }
}
