using System.Diagnostics;
using System.Globalization;
using AsbOps.Benchmarks.Circuits;

namespace AsbOps.Benchmarks;

/// <summary>
/// Live dashboard circuits on one instance without browsers: the app on Kestrel in Development (the demo force and
/// logins) in this process, and a second process (<see cref="ProtocolClientProcess"/>) holding N real Blazor Server
/// circuits over the circuit protocol (<see cref="ProtocolCircuit"/>), each signed in as the demo inspector on the
/// dashboard. Measures this process's GC heap and working set before and after the circuits open (divided by N: server
/// memory only, the clients live elsewhere), its CPU while an incident posted through the API is pushed, and the time
/// from the post until the last circuit has received a render batch setting the awaiting-screening counter to the new
/// number (p50 / p95 over rounds after one uncounted, each after a quiet spell longer than the dashboard's reload
/// throttle; goal p95 ≤ 1 s), beside the time the post itself took.
/// Options <c>--circuits N</c> (default 100), <c>--rounds N</c> (default 10).
/// </summary>
public static class CircuitsProtocolBenchmark
{
    public const string Name = "circuits-protocol";

    public static async Task RunAsync(string[] args)
    {
        var count = CircuitsBenchmark.Option(args, "--circuits", 100);
        var rounds = CircuitsBenchmark.Option(args, "--rounds", 10);
        await using var app = new CircuitsApp();
        app.Start();
        using var client = new ClientProcess(app.BaseUrl, count);
        await client.ExpectAsync("signed-in");

        var (heapBefore, setBefore) = CircuitsBenchmark.Memory();
        var opened = (await client.AskAsync("open", "opened")).Split(' ');
        Console.WriteLine($"   {opened[1]} circuits open in {opened[2]} s ({opened[3]} render batches received)");
        var (heapAfter, setAfter) = CircuitsBenchmark.Memory();

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", CircuitsBenchmark.DemoStormKey);
        using var process = Process.GetCurrentProcess();
        var received = new List<double>();
        var posted = new List<double>();
        var cores = new List<double>();
        var cpuMs = new List<double>();
        var firstBatch = new List<double>();
        var batchesPerRound = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            await Task.Delay(CircuitsBenchmark.QuietSpell);
            await client.AskAsync($"round {round}", $"armed {round}");
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            await CircuitsBenchmark.PostAsync(http, round);
            var postMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var seen = (await client.ExpectAsync($"seen {round}")).Split(' ');
            var wallMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            process.Refresh();
            if (round == 0)
            {
                continue; // warm-up: the first post and push compile their paths
            }

            received.Add(Stopwatch.GetElapsedTime(start, long.Parse(seen[2], CultureInfo.InvariantCulture)).TotalMilliseconds);
            posted.Add(postMs);
            firstBatch.Add(Stopwatch.GetElapsedTime(start, long.Parse(seen[3], CultureInfo.InvariantCulture)).TotalMilliseconds);
            batchesPerRound.Add(double.Parse(seen[4], CultureInfo.InvariantCulture));
            cpuMs.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
            cores.Add(cpuMs[^1] / wallMs);
        }

        await client.StopAsync();
        received.Sort();
        posted.Sort();
        cores.Sort();
        firstBatch.Sort();
        cpuMs.Sort();
        var perHeap = (heapAfter - heapBefore) / count;
        var perSet = (setAfter - setBefore) / count;
        Report.Line($"circuits-protocol-{count}-received-p50", Report.Percentile(received, 50), "ms", 1000, "ms goal");
        Report.Line($"circuits-protocol-{count}-received-p95", Report.Percentile(received, 95), "ms", 1000, "ms goal");
        Report.Line($"circuits-protocol-{count}-received-p95-vs-post", Report.Percentile(received, 95), "ms", Report.Percentile(posted, 95), "ms post answered p95");
        Report.Line($"circuits-protocol-{count}-gc-heap-per-circuit", perHeap, "MB", heapBefore, "MB heap before");
        Report.Line($"circuits-protocol-{count}-working-set-per-circuit", perSet, "MB", setBefore, "MB working set before");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   app process CPU from the post until every circuit received it: median {Report.Percentile(cores, 50):F2} cores, max {cores[^1]:F2} over {rounds} rounds, {Report.Percentile(cpuMs, 50) / count:F1} ms of CPU per circuit a push (median); post answered p50 {Report.Percentile(posted, 50):F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   the first render batch of a round reached the first circuit after p50 {Report.Percentile(firstBatch, 50):F0} ms; each circuit received {batchesPerRound.Average():F1} batches a round"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   heap {heapBefore:F0} → {heapAfter:F0} MB, working set {setBefore:F0} → {setAfter:F0} MB; within 2 GB of working set: about {(2048 - setBefore) / Math.Max(perSet, 0.01):F0} circuits; 200 circuits ≈ {setBefore + (200 * perSet):F0} MB"));
    }

    /// <summary>The client process: this same program in <see cref="ProtocolClientProcess.Mode"/>, spoken to line by line.</summary>
    private sealed class ClientProcess : IDisposable
    {
        private readonly Process _process;

        public ClientProcess(string baseUrl, int count)
        {
            var info = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                info.ArgumentList.Add(typeof(CircuitsProtocolBenchmark).Assembly.Location);
            }

            foreach (var arg in new[] { ProtocolClientProcess.Mode, "--url", baseUrl, "--circuits", count.ToString(CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(arg);
            }

            _process = Process.Start(info)!;
        }

        public async Task<string> AskAsync(string command, string answer)
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
            return await ExpectAsync(answer);
        }

        /// <summary>The next line, which must start with <paramref name="prefix"/>; a "failed" line ends the benchmark.</summary>
        public async Task<string> ExpectAsync(string prefix)
        {
            var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(6))
                ?? throw new InvalidOperationException($"The client process ended (exit code {(_process.WaitForExit(5000) ? _process.ExitCode : -1)}) while waiting for '{prefix}'.");
            return line.StartsWith(prefix, StringComparison.Ordinal)
                ? line
                : throw new InvalidOperationException($"The client process answered '{line}' while waiting for '{prefix}'.");
        }

        public async Task StopAsync()
        {
            await _process.StandardInput.WriteLineAsync("stop");
            await _process.StandardInput.FlushAsync();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.Dispose();
        }
    }
}
