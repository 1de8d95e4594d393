using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace AsbOps.Benchmarks.Circuits;

/// <summary>
/// The client side of <see cref="CircuitsProtocolBenchmark"/>, run as a process of its own so that the app's process
/// holds only server memory: signs in as the demo inspector through the login form, opens the circuits, then follows
/// the parent's commands on standard input, one a line, and answers on standard output:
/// <c>open</c> → <c>opened N SECONDS</c>; <c>round I</c> → <c>armed I EXPECTED</c>, then <c>seen I TIMESTAMP</c> (the
/// Stopwatch timestamp of the last circuit to receive a batch showing it; the same monotonic clock as the parent's) or
/// <c>failed I REASON</c>; <c>stop</c> ends it. Every circuit must show the same value before a round, and the value plus
/// one after it, or the round fails.
/// </summary>
public static partial class ProtocolClientProcess
{
    public const string Mode = "circuits-protocol-client";
    private const string CounterTestId = "counter-awaitingScreening";

    public static async Task<int> RunAsync(string[] args)
    {
        var baseUrl = args[Array.IndexOf(args, "--url") + 1];
        var count = CircuitsBenchmark.Option(args, "--circuits", 100);
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true });
        await SignInAsync(http, baseUrl);
        Say("signed-in");

        var circuits = new List<ProtocolCircuit>();
        try
        {
            while (Console.ReadLine() is { } command)
            {
                var parts = command.Split(' ');
                switch (parts[0])
                {
                    case "open":
                        var opening = System.Diagnostics.Stopwatch.StartNew();
                        using (var budget = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
                        {
                            while (circuits.Count < count)
                            {
                                var group = Enumerable.Range(0, Math.Min(10, count - circuits.Count))
                                    .Select(_ => new ProtocolCircuit(baseUrl, cookies, http, CounterTestId)).ToList();
                                circuits.AddRange(group);
                                await Task.WhenAll(group.Select(c => c.StartAsync(budget.Token)));
                            }
                        }

                        Say(string.Create(CultureInfo.InvariantCulture, $"opened {circuits.Count} {opening.Elapsed.TotalSeconds:F1} {circuits.Sum(c => c.Batches)}"));
                        break;
                    case "round":
                        await RoundAsync(circuits, parts[1]);
                        break;
                    case "stop":
                        return 0;
                    default:
                        throw new InvalidOperationException($"Unknown command '{command}'.");
                }
            }

            return 0;
        }
        catch (Exception e)
        {
            Say("failed - " + e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" "));
            return 1;
        }
        finally
        {
            await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static async Task RoundAsync(IReadOnlyList<ProtocolCircuit> circuits, string round)
    {
        var values = circuits.Select(c => c.Value).Distinct().ToList();
        if (values.Count != 1 || values[0] is not { } before)
        {
            Say($"failed {round} the circuits show different counters before the round: {string.Join(", ", values)}");
            return;
        }

        var waits = circuits.Select(c => c.Arm(before + 1)).ToList();
        Say(string.Create(CultureInfo.InvariantCulture, $"armed {round} {before + 1}"));
        try
        {
            var stamps = await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(30));
            // The last circuit's stamp, the earliest first batch of the round, and the batches each circuit received on average.
            var firstBatch = circuits.Min(c => c.SinceArmed.FirstAt);
            var batches = circuits.Average(c => c.SinceArmed.Count);
            Say(string.Create(CultureInfo.InvariantCulture, $"seen {round} {stamps.Max()} {firstBatch} {batches:F1}"));
        }
        catch (TimeoutException)
        {
            var missing = circuits.Count(c => c.Value != before + 1);
            Say($"failed {round} {missing} of {circuits.Count} circuits never showed {before + 1} within 30 s; first error: {circuits.Select(c => c.Error).FirstOrDefault(e => e is not null) ?? "none"}");
        }
    }

    private static async Task SignInAsync(HttpClient http, string baseUrl)
    {
        var page = await http.GetStringAsync(baseUrl + "/Account/Login");
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException("The login page has no antiforgery token.");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = "inspector@demo.local",
            ["Input.Password"] = CircuitsBenchmark.DemoPassword,
        });
        using var response = await http.PostAsync(baseUrl + "/Account/Login", form);
        if (response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/Account/Login", StringComparison.Ordinal) != false)
        {
            throw new InvalidOperationException($"Signing in as the demo inspector failed ({(int)response.StatusCode}).");
        }
    }

    private static void Say(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
