using AsbOps.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Layout;

/// <summary>
/// The README's pictures (issue 15 item 12): each role's home page, the wallboard, a high-risk case and the assessment
/// form, on the demo force, at 1366 × 768 and on a 390 × 844 phone; saved to docs/screenshots when
/// <c>ASBOPS_README_SCREENSHOTS=1</c> (see the README), otherwise to a temporary folder. Each page must draw without an error and, on the phone,
/// without running wider than the screen; the pictures together stay small enough to keep in the repository.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class ReadmeScreenshotsTests(LiveAppFixture app)
{
    private const long MaxTotalBytes = 2_200_000;

    private static readonly (string Role, string Path, string Name)[] Homes =
    [
        ("officer", "/my-work", "officer-my-work"),
        ("sergeant", "/my-work", "sergeant-my-work"),
        ("inspector", "/", "inspector-dashboard"),
        ("compliance", "/compliance", "compliance"),
        ("analyst", "/metrics", "analyst-metrics"),
        ("partner", "/cases", "partner-cases"),
        ("admin", "/admin", "admin"),
    ];

    [Fact]
    public async Task TheRoleHomePagesTheWallboardACaseAndTheAssessmentFormAreTakenForTheReadme()
    {
        // Only a run asked to retake the README's pictures writes them into the checkout; any other run (CI, a
        // developer's test run) checks the same pages and sizes into a temporary folder and leaves the files alone.
        var retake = Environment.GetEnvironmentVariable("ASBOPS_README_SCREENSHOTS") == "1";
        var folder = retake
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "asbops-readme-shots", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var problems = new List<string>();
        var written = new List<string>();

        foreach (var (role, path, name) in Homes)
        {
            var page = await app.SignInAsync($"{role}@demo.local");
            page.SetDefaultTimeout(30_000);
            if (role == "inspector")
            {
                await ShootBothAsync(page, "/wallboard", "wallboard", folder, written, problems);
            }

            if (role == "officer")
            {
                var (casePath, assessPath) = await HighRiskCaseAsync(page);
                await ShootBothAsync(page, casePath, "case", folder, written, problems);
                await ShootBothAsync(page, assessPath, "assessment", folder, written, problems);
            }

            await ShootBothAsync(page, path, name, folder, written, problems);
            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var total = written.Sum(f => new FileInfo(f).Length);
        Assert.True(total <= MaxTotalBytes, $"the screenshots take {total:N0} bytes, more than {MaxTotalBytes:N0}");
    }

    private static async Task ShootBothAsync(IPage page, string path, string name, string folder, List<string> written, List<string> problems)
    {
        foreach (var (width, height, suffix) in new[] { (1366, 768, "desktop"), (390, 844, "phone") })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync(path);
            if (await page.Locator(".mud-layout").CountAsync() > 0)
            {
                await page.WaitForInteractiveAsync();
            }

            await page.Locator(".mud-progress-linear").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 20_000 });
            // Transitions and fades over; endless ones (a spinner, a live dot) do not count.
            await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.effect?.getTiming().iterations === Infinity)");
            if (page.Url.Contains("AccessDenied", StringComparison.Ordinal) || await page.GetByTestId("access-denied").CountAsync() > 0)
            {
                problems.Add($"{name}: access denied at {path}");
            }

            if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
            {
                problems.Add($"{name} ({suffix}): the app's error bar is showing");
            }

            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (overflow > width)
            {
                problems.Add($"{name} ({suffix}): the page is {overflow} px wide in a {width} px window");
            }

            // On a 1366 × 768 screen the wallboard's newest high-risk case shows whole without scrolling (a phone scrolls).
            if (name == "wallboard" && suffix == "desktop" && await page.GetByTestId("wallboard-case").CountAsync() > 0)
            {
                var first = await page.GetByTestId("wallboard-case").First.BoundingBoxAsync();
                if (first is null || first.Y + first.Height > height)
                {
                    problems.Add($"wallboard ({suffix}): the first high-risk case ends at {(first is null ? "nowhere" : first.Y + first.Height)} px on a {height} px screen");
                }
            }

            // The heading holds focus after navigation (for screen readers); its ring is not part of the picture.
            await page.EvaluateAsync("() => document.activeElement?.blur()");
            var file = Path.Combine(folder, $"{name}-{suffix}.png");
            await page.ScreenshotAsync(new() { Path = file, Type = ScreenshotType.Png });
            written.Add(file);
        }
    }

    /// <summary>The first high-risk case the officer can open (else the first with a person to assess), and its assessment link.</summary>
    private static async Task<(string Case, string Assessment)> HighRiskCaseAsync(IPage page)
    {
        await page.GotoAsync("/cases");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("case-link").First.WaitForAsync();
        var hrefs = new List<string>();
        foreach (var link in await page.GetByTestId("case-link").AllAsync())
        {
            hrefs.Add((await link.GetAttributeAsync("href"))!);
        }

        (string, string)? any = null;
        foreach (var href in hrefs.Take(15))
        {
            await page.GotoAsync(href);
            await page.WaitForInteractiveAsync();
            var summary = page.GetByTestId("case-summary");
            await summary.WaitForAsync();
            var assess = page.GetByTestId("assess-person");
            if (await assess.CountAsync() == 0)
            {
                continue;
            }

            any ??= (href, (await assess.First.GetAttributeAsync("href"))!);
            if ((await summary.InnerTextAsync()).Contains("High", StringComparison.Ordinal))
            {
                return (href, (await assess.First.GetAttributeAsync("href"))!);
            }
        }

        return any ?? throw new InvalidOperationException("none of the officer's first cases has a person to assess");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "AsbOps.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("AsbOps.sln not found above " + AppContext.BaseDirectory);
    }
}
