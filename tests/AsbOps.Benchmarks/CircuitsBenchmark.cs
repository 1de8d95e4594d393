using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.Benchmarks;

/// <summary>
/// Live dashboard circuits on one instance: the app on Kestrel in Development (the demo force and logins), the system
/// Chromium through Playwright, one browser with one context and page per circuit, each signed in as the demo
/// inspector (one login, its cookies reused) on the dashboard until interactive. Measures the server's GC heap and
/// working set before and after opening them (divided by the count), process CPU while an incident posted through the
/// API is pushed to every page, and the time from the post until every page's awaiting-screening counter shows it
/// (p50 / p95 over rounds; goal p95 ≤ 1 s), stamped by each page itself when its counter changes (a MutationObserver),
/// so the figure does not include how long Playwright takes to notice. Options <c>--pages N</c> (default 100), <c>--rounds N</c> (default 10).
/// </summary>
public static class CircuitsBenchmark
{
    public const string Name = "circuits";
    internal const string DemoStormKey = "demo-storm-key-2026";
    /// <summary>
    /// The pause before each round: longer than the dashboard's reload throttle, so that a round's post meets a quiet
    /// page (as an incident after a quiet spell does) and is not held back by the previous round's reload.
    /// </summary>
    internal static readonly TimeSpan QuietSpell = AsbOps.Web.Features.Dashboard.DashboardPage.LiveReloadInterval * 2;

    internal const string DemoPassword = "AsbOps-demo-1";

    public static async Task RunAsync(string[] args)
    {
        var pageCount = Option(args, "--pages", 100);
        var rounds = Option(args, "--rounds", 10);
        using var budget = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        await using var app = new CircuitsApp();
        app.Start();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ASBOPS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        // One sign-in through the real login page; every other context reuses its cookies.
        var login = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var loginPage = await login.NewPageAsync();
        await loginPage.GotoAsync("/Account/Login");
        await loginPage.GetByTestId("login-email").FillAsync("inspector@demo.local");
        await loginPage.GetByTestId("login-password").FillAsync(DemoPassword);
        await loginPage.GetByTestId("login-submit").ClickAsync();
        await loginPage.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        var state = await login.StorageStateAsync();
        await login.CloseAsync();

        var (heapBefore, setBefore) = Memory();
        var pages = new List<IPage>();
        var opening = Stopwatch.StartNew();
        while (pages.Count < pageCount && !budget.IsCancellationRequested)
        {
            var batch = await Task.WhenAll(Enumerable.Range(0, Math.Min(10, pageCount - pages.Count)).Select(async _ =>
            {
                var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, StorageState = state });
                var page = await context.NewPageAsync();
                await page.GotoAsync("/");
                await page.Locator("body[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 120_000 });
                await page.GetByTestId("counter-awaitingScreening").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
                return page;
            }));
            pages.AddRange(batch);
        }

        Console.WriteLine($"   {pages.Count} dashboard circuits open in {opening.Elapsed.TotalSeconds:F1} s");
        var (heapAfter, setAfter) = Memory();

        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", DemoStormKey);
        var latencies = new List<double>();
        var cpuShares = new List<double>();
        using var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            await Task.Delay(QuietSpell);
            var before = int.Parse((await pages[0].GetByTestId("counter-awaitingScreening").TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
            var expected = (before + 1).ToString(CultureInfo.InvariantCulture);
            foreach (var page in pages)
            {
                await page.EvaluateAsync(ArmScript, expected);
            }

            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var postedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var start = Stopwatch.GetTimestamp();
            await PostAsync(client, round);
            // Each page stamps (Date.now(), the same clock as postedAt) the moment its counter shows the number; the
            // stamps are collected after all pages have one, so how often Playwright looks does not add to the figure.
            var shownAt = await Task.WhenAll(pages.Select(async page =>
            {
                await page.WaitForFunctionAsync("() => window.asbopsShownAt !== null", null, new() { PollingInterval = 250, Timeout = 30_000 });
                return await page.EvaluateAsync<long>("() => window.asbopsShownAt");
            }));
            var seenAll = Stopwatch.GetElapsedTime(start);
            process.Refresh();
            var elapsedMs = Math.Max(0, shownAt.Max() - postedAt);
            latencies.Add(elapsedMs);
            cpuShares.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds / seenAll.TotalMilliseconds);
        }

        latencies.Sort();
        cpuShares.Sort();
        var perCircuitHeap = (heapAfter - heapBefore) / pages.Count;
        var perCircuitSet = (setAfter - setBefore) / pages.Count;
        Report.Line($"circuits-{pages.Count}-visible-p50", Report.Percentile(latencies, 50), "ms", 1000, "ms goal");
        Report.Line($"circuits-{pages.Count}-visible-p95", Report.Percentile(latencies, 95), "ms", 1000, "ms goal");
        Report.Line($"circuits-{pages.Count}-gc-heap-per-circuit", perCircuitHeap, "MB", heapBefore, "MB heap before");
        Report.Line($"circuits-{pages.Count}-working-set-per-circuit", perCircuitSet, "MB", setBefore, "MB working set before");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   process CPU while pushing (the benchmark process: app, Playwright driver; Chromium is its own): median {Report.Percentile(cpuShares, 50):F2} cores, max {cpuShares[^1]:F2} cores over {rounds} rounds"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"   heap {heapBefore:F0} → {heapAfter:F0} MB, working set {setBefore:F0} → {setAfter:F0} MB; within 2 GB of working set: about {(2048 - setBefore) / Math.Max(perCircuitSet, 0.01):F0} circuits"));
    }

    /// <summary>
    /// Watches the page for its awaiting-screening counter to show the given number and keeps the time it first does in
    /// <c>window.asbopsShownAt</c> (milliseconds since the epoch); null until then.
    /// </summary>
    private const string ArmScript = """
        expected => {
          window.asbopsShownAt = null;
          window.asbopsWatch?.disconnect();
          const check = () => {
            const counter = document.querySelector('[data-testid="counter-awaitingScreening"]');
            if (window.asbopsShownAt === null && counter && counter.textContent.trim() === expected) {
              window.asbopsShownAt = Date.now();
            }
          };
          window.asbopsWatch = new MutationObserver(check);
          window.asbopsWatch.observe(document.body, { subtree: true, childList: true, characterData: true });
          check();
        }
        """;

    internal static (double HeapMb, double WorkingSetMb) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true) / 1048576.0, process.WorkingSet64 / 1048576.0);
    }

    internal static async Task PostAsync(HttpClient client, int round)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", new
        {
            stormRef = $"LP-CIRCUITS-{Guid.NewGuid().ToString("N")[..10]}-{round}",
            receivedAt = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            category = "nuisance",
            areaCode = "CHARNWOOD",
            location = new { address = "3 Market Place, Loughborough", postcode = "LE11 3EB", lat = 52.77, lon = -1.2 },
            description = "Benchmark incident for the circuits run",
            thrive = new { threat = "Low", harm = "Nuisance", risk = "May recur", investigation = "CCTV", vulnerability = "None known", engagement = "Caller willing", grade = "scheduled" },
            reporter = new { name = "A Shopkeeper", phone = "07000 000001" },
        });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Posting the incident answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) && value > 0 ? value : fallback;
    }
}
