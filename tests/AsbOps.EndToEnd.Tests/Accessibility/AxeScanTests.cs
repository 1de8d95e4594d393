using AsbOps.EndToEnd.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.0/2.1 A and AA rules) on every page each demo role can open, signed in once per role, at desktop
/// width. Any serious or critical violation fails, listed by page, rule and element.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class AxeScanTests(LiveAppFixture app)
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly string[] FixedPages =
    [
        "/", "/my-work", "/map", "/cases", "/incidents", "/incidents/new", "/approvals", "/compliance", "/metrics", "/metrics/what-if", "/guidance", "/guidance/1",
        "/guidance/new", "/wallboard", "/alerts", "/aide-memoire", "/Account/Manage", "/admin", "/admin/users", "/admin/areas",
        "/admin/agencies", "/admin/api-clients", "/admin/settings", "/admin/outbox", "/admin/audit", "/admin/jobs",
    ];

    [Theory]
    [InlineData("officer")]
    [InlineData("sergeant")]
    [InlineData("inspector")]
    [InlineData("compliance")]
    [InlineData("analyst")]
    [InlineData("partner")]
    [InlineData("admin")]
    [InlineData("reviewer")]
    public async Task EveryPageOfTheRoleHasNoSeriousOrCriticalViolation(string role)
    {
        var page = await app.SignInAsync($"{role}@demo.local");
        page.SetDefaultTimeout(30_000);
        var problems = new List<string>();
        var scanned = new List<string>();

        foreach (var path in FixedPages)
        {
            await ScanAsync(page, path, scanned, problems);
        }

        // The pages behind links: a case, its plan and referrals, a person, an incident, adding and assessing a person.
        foreach (var path in await LinkedPagesAsync(page))
        {
            await ScanAsync(page, path, scanned, problems);
        }

        await page.Context.CloseAsync();
        Assert.True(scanned.Count >= 3, $"{role} could open only {string.Join(", ", scanned)}");
        Assert.True(problems.Count == 0, $"{role}: {problems.Count} serious or critical violations:\n" + string.Join("\n", problems));
    }

    private static async Task ScanAsync(IPage page, string path, List<string> scanned, List<string> problems)
    {
        await page.GotoAsync(path);
        if (page.Url.Contains("/Account/AccessDenied", StringComparison.Ordinal)
            || await page.GetByTestId("access-denied").CountAsync() > 0)
        {
            return;
        }

        // Pages in the main layout mark the circuit interactive; the wallboard and the account pages have their own layouts.
        if (await page.Locator(".mud-layout").CountAsync() > 0)
        {
            await page.WaitForInteractiveAsync();
        }

        await page.Locator(".mud-progress-linear").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 15_000 });
        if (path == "/map")
        {
            // The markers and clusters Leaflet draws are part of the page, scanned once they have faded in and the
            // view has stopped zooming to fit them (a half-faded cluster would fail contrast for the fade, not its colours).
            await page.Locator("[data-testid=map][data-ready=true]").WaitForAsync();
            await page.WaitForFunctionAsync("() => document.getAnimations().length === 0");
        }

        scanned.Add(path);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            var targets = violation.Nodes.Take(3).Select(n => n.Html.Length > 140 ? n.Html[..140] : n.Html);
            problems.Add($"  {path} [{violation.Impact}] {violation.Id} ({violation.Nodes.Length}): {string.Join(" | ", targets)}");
        }
    }

    private static async Task<List<string>> LinkedPagesAsync(IPage page)
    {
        var paths = new List<string>();
        await page.GotoAsync("/cases");
        if (page.Url.EndsWith("/cases", StringComparison.Ordinal))
        {
            await page.WaitForInteractiveAsync();
            var caseLink = page.GetByTestId("case-link").First;
            await caseLink.WaitForAsync();
            var casePath = (await caseLink.GetAttributeAsync("href"))!;
            paths.AddRange([casePath, casePath + "/plan", casePath + "/referrals"]);
            await page.GotoAsync(casePath);
            await page.WaitForInteractiveAsync();
            await page.GetByTestId("case-summary").WaitForAsync();
            if (await page.GetByTestId("person-link").CountAsync() > 0)
            {
                paths.Add((await page.GetByTestId("person-link").First.GetAttributeAsync("href"))!);
            }

            if (await page.GetByTestId("assess-person").CountAsync() > 0)
            {
                paths.Add((await page.GetByTestId("assess-person").First.GetAttributeAsync("href"))!);
                paths.Add(casePath + "/people/add");
            }
        }

        await page.GotoAsync("/incidents");
        if (page.Url.EndsWith("/incidents", StringComparison.Ordinal))
        {
            await page.WaitForInteractiveAsync();
            var incident = page.GetByTestId("incident-link").First;
            await incident.WaitForAsync();
            paths.Add((await incident.GetAttributeAsync("href"))!);
        }

        return paths;
    }
}
