using System.Globalization;
using System.Text.RegularExpressions;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Metrics;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Metrics;

/// <summary>
/// Issue 18's "done when" in Chromium on the demo force: the analyst compares two areas' trends for a period, downloads
/// the workbook of what is on screen, edits a draft that raises the vulnerability score, replays it over the last year,
/// sees how many cases would become high and drills down to them; the partner member of the group (guidance reviewer)
/// sees the same aggregates and no case. Nothing stored changes.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class GuidanceBenchWalkthroughTests(LiveAppFixture app)
{
    [Fact]
    public async Task TheAnalystComparesAreasDownloadsTheWorkbookAndReplaysADraftAndTheReviewerSeesNoCase()
    {
        var before = await StoredAsync();
        var areas = await AreasWithCasesAsync();

        var analyst = await app.SignInAsync("analyst@demo.local");
        analyst.SetDefaultTimeout(30_000);
        await analyst.GotoAsync("/metrics");
        await analyst.WaitForInteractiveAsync();
        await Assertions.Expect(analyst.GetByTestId("metrics-trend-scope")).ToContainTextAsync("All areas");

        // Two areas over the same period: each is named above its trends, which have a chart and a table.
        var from = DateTime.UtcNow.Date.AddYears(-1).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await FillDateAsync(analyst, "metrics-from", from);
        await FillDateAsync(analyst, "metrics-to", to);
        var entering = new List<string>();
        foreach (var area in areas)
        {
            await ChooseAsync(analyst, "metrics-area", area);
            await analyst.GetByTestId("metrics-apply").ClickAsync();
            await Assertions.Expect(analyst.GetByTestId("metrics-trend-scope")).ToContainTextAsync($"{area},");
            var workload = analyst.GetByTestId("trend-high-risk-workload");
            await Assertions.Expect(workload.Locator("svg").First).ToBeVisibleAsync();
            await Assertions.Expect(workload.GetByTestId("trend-row").First).ToBeVisibleAsync();
            entering.Add(await ColumnAsync(workload));
        }

        // The workbook holds what the screen shows for the second area: the high-risk trend, period by period.
        var button = analyst.GetByTestId("metrics-workbook");
        await Assertions.Expect(button).ToBeEnabledAsync();
        var download = await analyst.RunAndWaitForDownloadAsync(() => button.ClickAsync(), new() { Timeout = 60_000 });
        var file = Path.Combine(Path.GetTempPath(), $"metrics-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        using (var workbook = new XLWorkbook(file))
        {
            var summary = workbook.Worksheet(MetricsWorkbook.SummarySheet);
            Assert.Contains(summary.RangeUsed()!.Rows(), r => r.Cell(1).GetString() == "Area" && r.Cell(2).GetString() == areas[1]);
            var sheet = workbook.Worksheet(MetricsTrendSheets.SheetName(MetricsTrendSections.HighRisk));
            Assert.Equal("Cases entering high", sheet.Cell(2, 2).GetString());
            var rows = sheet.RangeUsed()!.Rows().Skip(2).TakeWhile(r => !r.Cell(1).IsEmpty()).ToList();
            var fromWorkbook = string.Join("|", rows.Select(r =>
                r.Cell(1).GetString() + "=" + MetricsTrendSections.Format(r.Cell(2).IsEmpty() ? null : r.Cell(2).GetDouble(), percent: false)));
            Assert.Equal(entering[1], fromWorkbook);
        }

        File.Delete(file);
        await Assertions.Expect(analyst.GetByTestId("overrides-table")).ToBeVisibleAsync();

        // A draft of the newest guidance scores "vulnerable = yes" 6 instead of 3 and is replayed over the last year.
        var changedCases = await ReplayVulnerableAtSixAsync(analyst);
        var change = analyst.GetByTestId("whatif-change-case").First;
        await Assertions.Expect(change).ToBeVisibleAsync();
        var href = (await change.GetAttributeAsync("href"))!;
        Assert.StartsWith("/cases/", href);
        await change.ClickAsync();
        await analyst.WaitForURLAsync(url => url.EndsWith(href, StringComparison.Ordinal));
        await Assertions.Expect(analyst.GetByTestId("case-ref")).ToHaveTextAsync(href["/cases/".Length..]);
        await analyst.Context.CloseAsync();

        // The partner member of the group: the same aggregates, no case reference anywhere on the pages.
        var reviewer = await app.SignInAsync("reviewer@demo.local");
        reviewer.SetDefaultTimeout(30_000);
        await reviewer.GotoAsync("/metrics");
        await reviewer.WaitForInteractiveAsync();
        await Assertions.Expect(reviewer.GetByTestId("overrides-aggregate-only")).ToBeVisibleAsync();
        await Assertions.Expect(reviewer.GetByTestId("overrides-table")).ToHaveCountAsync(0);
        Assert.Equal(changedCases, await ReplayVulnerableAtSixAsync(reviewer));
        await Assertions.Expect(reviewer.GetByTestId("whatif-changes")).ToHaveCountAsync(0);
        await Assertions.Expect(reviewer.GetByTestId("whatif-change-case")).ToHaveCountAsync(0);
        var references = await CaseReferencesAsync();
        var text = await reviewer.Locator("body").InnerTextAsync();
        Assert.DoesNotContain(references, r => text.Contains(r, StringComparison.Ordinal));
        await reviewer.Context.CloseAsync();

        Assert.Equal(before, await StoredAsync());
    }

    /// <summary>Makes the draft, raises the vulnerability score, replays and returns "cases changing level".</summary>
    private static async Task<string> ReplayVulnerableAtSixAsync(IPage page)
    {
        await page.GotoAsync("/metrics/what-if");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("guidance-draft-heading")).ToContainTextAsync("not published");
        var question = page.Locator("[data-testid=question-editor][data-key=vulnerable]").First;
        var index = await question.GetAttributeAsync("data-index");
        var score = Input(page, $"option-score-victim-{index}-0");
        await Assertions.Expect(score).ToHaveValueAsync("3");
        await score.FillAsync("6");
        await score.PressAsync("Tab");
        var replay = page.GetByTestId("whatif-replay");
        await Assertions.Expect(replay).ToBeEnabledAsync();
        await replay.ClickAsync();
        await Assertions.Expect(page.GetByTestId("whatif-results")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // The from × to matrix accounts for every assessment replayed; raising a score only moves levels up.
        var assessments = int.Parse(await page.GetByTestId("whatif-assessments").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(assessments > 0, "no assessment replayed");
        var cells = await page.GetByTestId("whatif-matrix").Locator("td").AllInnerTextsAsync();
        Assert.Equal(assessments, cells.Sum(c => int.Parse(c, CultureInfo.InvariantCulture)));
        var changed = await page.GetByTestId("whatif-changed").InnerTextAsync();
        Assert.Matches(new Regex(@"^[1-9]\d* \(↑[1-9]\d* ↓0\)$"), changed.Trim());
        var highCases = page.GetByTestId("whatif-high-cases").Locator("td");
        var now = int.Parse(await highCases.Nth(0).InnerTextAsync(), CultureInfo.InvariantCulture);
        var draft = int.Parse(await highCases.Nth(1).InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.True(draft > now, $"the draft makes {draft} cases high, now {now}");
        await Assertions.Expect(page.GetByTestId("whatif-driver").First).ToContainTextAsync("vulnerable");
        return (await page.GetByTestId("whatif-changed-cases").InnerTextAsync()).Trim();
    }

    /// <summary>The first column of the first trend of a panel, "period=value|…", as the table shows it.</summary>
    private static async Task<string> ColumnAsync(ILocator panel)
    {
        var rows = panel.GetByTestId("trend-table").First.GetByTestId("trend-row");
        var values = new List<string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            var period = (await row.Locator("th").InnerTextAsync()).Split('\n')[0].Trim();
            var chip = await row.GetByTestId("version-start").AllInnerTextsAsync();
            foreach (var c in chip)
            {
                period = period.Replace(c, "", StringComparison.Ordinal).Trim();
            }

            values.Add(period + "=" + (await row.Locator("td").First.InnerTextAsync()).Trim());
        }

        return string.Join("|", values);
    }

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    private static async Task FillDateAsync(IPage page, string testId, string date)
    {
        var input = Input(page, testId);
        await input.FillAsync(date);
        await input.PressAsync("Tab");
        await Assertions.Expect(input).ToHaveValueAsync(date);
    }

    private static async Task ChooseAsync(IPage page, string testId, string item)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(item)}\\s*$") }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Two areas' names, those with the most cases.</summary>
    private async Task<List<string>> AreasWithCasesAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        return await db.Areas.OrderByDescending(a => db.Cases.Count(c => c.AreaId == a.Id)).ThenBy(a => a.Name)
            .Select(a => a.Name).Take(2).ToListAsync();
    }

    private async Task<List<string>> CaseReferencesAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        return await db.Cases.Select(c => c.Reference).ToListAsync();
    }

    /// <summary>What a replay must not change: guidance versions, every assessment's score and levels, every case's level.</summary>
    private async Task<string> StoredAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        var versions = await db.GuidanceVersions.CountAsync();
        var assessments = await db.Assessments.OrderBy(a => a.Id)
            .Select(a => a.Id + ":" + a.Score + ":" + (int)a.ComputedLevel + ":" + a.GuidanceVersionId).ToListAsync();
        var cases = await db.Cases.OrderBy(c => c.Id).Select(c => c.Id + ":" + (int)c.RiskLevel).ToListAsync();
        var markers = await db.Markers.CountAsync();
        var plans = await db.ActionPlans.CountAsync();
        return $"{versions}/{markers}/{plans}/{string.Join(",", assessments).GetHashCode(StringComparison.Ordinal)}"
            + $"/{string.Join(",", cases).GetHashCode(StringComparison.Ordinal)}";
    }
}
