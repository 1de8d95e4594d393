using AsbOps.Domain.Cases;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using AsbOps.Web.Features.MyWork;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Layout;

/// <summary>
/// The ASB Case Review and data protection screens on the demo force, at 1366 × 768 and on a 390 × 844 phone: the case
/// review list and one application, the demo officer's work list with its case review prompt, a person and the
/// retention review. Each draws without an error and no wider than the window; the pictures go to
/// <c>ASBOPS_SCREENSHOTS_DIR</c> when set (to look at them), otherwise to a temporary folder.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class CaseReviewAndDataProtectionScreensTests(LiveAppFixture app)
{
    [Fact]
    public async Task TheCaseReviewAndDataProtectionScreensFitTheDesktopAndAPhone()
    {
        var folder = Environment.GetEnvironmentVariable("ASBOPS_SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "asbops-screens", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var (application, personId) = await DemoSubjectsAsync();
        var problems = new List<string>();
        (string Role, string Path, string Name)[] screens =
        [
            ("inspector", "/case-reviews", "case-reviews"),
            ("inspector", $"/case-reviews/{application}", "case-review"),
            ("officer", "/my-work", "my-work-prompt"),
            ("sergeant", $"/people/{personId}", "person"),
            ("compliance", "/retention", "retention"),
        ];

        foreach (var (role, path, name) in screens)
        {
            var page = await app.SignInAsync($"{role}@demo.local");
            page.SetDefaultTimeout(30_000);
            foreach (var (width, height, suffix) in new[] { (1366, 768, "desktop"), (390, 844, "phone") })
            {
                await page.SetViewportSizeAsync(width, height);
                await page.GotoAsync(path);
                await page.WaitForInteractiveAsync();
                await page.Locator(".mud-progress-linear").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 20_000 });
                await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.effect?.getTiming().iterations === Infinity)");
                if (await page.Locator("#blazor-error-ui").IsVisibleAsync())
                {
                    problems.Add($"{name} ({suffix}): the app's error bar is showing");
                }

                var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                if (pageWidth > width)
                {
                    problems.Add($"{name} ({suffix}): the page is {pageWidth} px wide in a {width} px window");
                }

                // Each retention row's Decide button is on screen without scrolling sideways.
                if (name == "retention")
                {
                    var decide = await page.GetByTestId("retention-decide").First.BoundingBoxAsync();
                    if (decide is null || decide.X + decide.Width > width)
                    {
                        problems.Add($"{name} ({suffix}): the Decide button ends at {(decide is null ? "nowhere" : decide.X + decide.Width)} px in a {width} px window");
                    }
                }

                await page.EvaluateAsync("() => document.activeElement?.blur()");
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{suffix}.png"), FullPage = true });
            }

            if (role == "officer")
            {
                await Assertions.Expect(page.Locator($"[data-testid=my-work-item][data-kind={nameof(DueKind.CaseReviewPrompt)}]").First)
                    .ToContainTextAsync("about the ASB Case Review");
            }

            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A Charnwood application with a review held, a person on a Charnwood case, and a closed case due for its retention review.</summary>
    private async Task<(string Application, long PersonId)> DemoSubjectsAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        var charnwood = await db.Areas.Where(a => a.Code == "CHARNWOOD").Select(a => a.Id).SingleAsync();
        var application = await db.CaseReviewApplications.Where(a => a.AreaId == charnwood && a.ReviewHeldOn != null)
            .OrderByDescending(a => a.ReceivedAt).Select(a => a.Reference).FirstAsync();
        var personId = await db.CaseParticipants.Where(p => p.Case!.AreaId == charnwood && p.Role == PersonRole.Victim && p.Case.Status != CaseStatus.Closed)
            .OrderBy(p => p.CaseId).Select(p => p.PersonId).FirstAsync();
        var due = await db.Cases.Where(c => c.Status == CaseStatus.Closed && c.DisposedAt == null && c.AreaId == charnwood)
            .OrderBy(c => c.Id).FirstAsync();
        due.RetentionReviewDue = DateTime.UtcNow.AddDays(-3);
        await db.SaveChangesAsync();
        return (application, personId);
    }
}
