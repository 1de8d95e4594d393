using AsbOps.EndToEnd.Tests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Accessibility;

/// <summary>
/// axe-core (WCAG 2.0/2.1 A and AA rules) on every page of the app, each under the roles that see it in its own way,
/// signed in once per role, at desktop width; any serious or critical violation fails, listed by page, rule and element.
/// A page that looks the same to several roles (the guidance editor, the admin pages) is scanned under one of them, so
/// the scan covers every page and every role's view once without opening the same screen eight times. On every page
/// the browser also reports any Content-Security-Policy violation, which fails the test too. Each role's home page is
/// scanned once more on a 390 × 844 phone.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class AxeScanTests(LiveAppFixture app)
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>What each role opens: its home and the pages whose content depends on the role.</summary>
    private static readonly Dictionary<string, string[]> PagesByRole = new()
    {
        ["officer"] = ["/", "/my-work", "/incidents", "/incidents/new", "/map", "/alerts", "/aide-memoire", "/Account/Manage", Linked],
        ["sergeant"] = ["/", "/my-work", "/approvals", "/cases"],
        ["inspector"] = ["/", "/cases", "/wallboard", "/case-reviews", CaseReview, "/compliance"],
        ["compliance"] = ["/", "/compliance", "/retention"],
        ["analyst"] = ["/", "/metrics", "/metrics/what-if", "/guidance", "/guidance/1", "/guidance/new"],
        ["partner"] = ["/", "/cases", Linked],
        ["admin"] = ["/", "/admin", "/admin/users", "/admin/areas", "/admin/agencies", "/admin/api-clients", "/admin/settings",
            "/admin/outbox", "/admin/audit", "/admin/jobs"],
        ["reviewer"] = ["/", "/metrics", "/metrics/what-if"],
    };

    /// <summary>Stands for the pages behind links: a case, its plan and referrals, a person, an incident, assessing.</summary>
    private const string Linked = "(linked)";

    /// <summary>Stands for the first case review's own page.</summary>
    private const string CaseReview = "(case review)";

    /// <summary>Kept on the window by every page: the CSP violations the browser reported.</summary>
    private const string CollectViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || '') + ':' + e.lineNumber));
        """;

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
        await page.Context.AddInitScriptAsync(CollectViolations);
        page.SetDefaultTimeout(30_000);
        var problems = new List<string>();
        var scanned = new List<string>();

        foreach (var entry in PagesByRole[role])
        {
            var paths = entry switch
            {
                Linked => await LinkedPagesAsync(page),
                CaseReview => await CaseReviewPageAsync(page),
                _ => [entry],
            };
            foreach (var path in paths)
            {
                await ScanAsync(page, path, scanned, problems);
            }
        }

        // The role's home page again on a 390 × 844 phone: the menu folds into a drawer and the header shrinks there.
        await page.SetViewportSizeAsync(390, 844);
        var phoneProblems = new List<string>();
        await ScanAsync(page, PagesByRole[role][0], [], phoneProblems);
        problems.AddRange(phoneProblems.Select(p => p + " (on a phone)"));

        await page.Context.CloseAsync();
        Assert.True(scanned.Count >= 3, $"{role} could open only {string.Join(", ", scanned)}");
        Assert.True(problems.Count == 0, $"{role}: {problems.Count} serious or critical violations:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void EveryRoutedPageIsScannedUnderSomeRole()
    {
        string[] notScanned = ["/Account/Login", "/Account/LoginCode", "/Account/Mfa", "/Account/SetPassword", "/Account/SsoRefused",
            "/Account/AccessDenied", "/Error", "/not-found"];
        var listed = PagesByRole.Values.SelectMany(p => p).ToHashSet();
        var linked = new[] { "/cases/{CaseRef}", "/cases/{CaseRef}/plan", "/cases/{CaseRef}/referrals", "/people/{Id:long}", "/incidents/{Id:long}",
            "/cases/{CaseRef}/people/{ParticipantId:long}/assessment", "/cases/{CaseRef}/people/add", "/cases/{CaseRef}/location/assessment" };
        var routes = typeof(AsbOps.Web.Components.App).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
            .Select(r => r.Template)
            .Where(t => !notScanned.Contains(t))
            .Where(t => !listed.Any(path => Matches(t, path)) && !(listed.Contains(Linked) && linked.Contains(t))
                && !(t == "/case-reviews/{Reference}" && listed.Contains(CaseReview)))
            .ToList();
        Assert.True(routes.Count == 0, "pages no role scans: " + string.Join(", ", routes));
    }

    /// <summary>Whether a listed path is the route template itself or a path the template routes ("/guidance/1" for
    /// "/guidance/{Number:int}").</summary>
    private static bool Matches(string template, string path)
    {
        var pattern = "^" + System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(template), @"\\\{[^/]*?}", "[^/]+") + "$";
        return template == path || System.Text.RegularExpressions.Regex.IsMatch(path, pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }

    [Theory]
    [InlineData("/guidance/{Number:int}", "/guidance/1", true)]
    [InlineData("/guidance/{Number:int}", "/guidance", false)]
    [InlineData("/cases/{CaseRef}/plan", "/cases/x", false)]
    public void TemplateMatchingFindsTheConcretePathsOfARoute(string template, string path, bool expected)
        => Assert.Equal(expected, Matches(template, path));

    private static async Task<List<string>> CaseReviewPageAsync(IPage page)
    {
        await page.GotoAsync("/case-reviews");
        await page.WaitForInteractiveAsync();
        var row = page.GetByTestId("case-review-row").First;
        await row.WaitForAsync();
        return [(await row.GetAttributeAsync("href"))!];
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
        var blocked = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        problems.AddRange(blocked.Select(b => $"  {path} [content security policy] {b}"));
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
                paths.Add(casePath + "/location/assessment");
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
