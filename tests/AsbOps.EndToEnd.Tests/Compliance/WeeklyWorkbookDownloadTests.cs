using AsbOps.Domain.Compliance;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Compliance.Workbook;
using ClosedXML.Excel;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Compliance;

/// <summary>
/// The demo force holds twelve weekly compliance checks, so the Compliance page offers the latest of them; the
/// download goes through the page's button (fetched with the user's cookie, then handed to the browser).
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class WeeklyWorkbookDownloadTests(LiveAppFixture app)
{
    [Fact]
    public async Task TheDemoComplianceOfficerDownloadsTheWeeklyWorkbookAndItOpens()
    {
        var page = await app.SignInAsync("compliance@demo.local");
        await page.GotoAsync("/compliance");
        await page.WaitForInteractiveAsync();
        var button = page.GetByTestId("download-weekly-workbook");
        await Assertions.Expect(button).ToBeEnabledAsync(new() { Timeout = 30_000 });

        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync(), new() { Timeout = 60_000 });

        Assert.Matches(@"^compliance-\d{4}-W\d{2}\.xlsx$", download.SuggestedFilename);
        await using var file = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(file);
        Assert.Equal(WeeklyComplianceWorkbook.SummarySheet, workbook.Worksheet(1).Name);
        Assert.Contains(workbook.Worksheets, w => w.Name == WeeklyComplianceWorkbook.RuleSheet(ComplianceRule.VictimWithoutAssessment));
        Assert.Contains(workbook.Worksheets, w => w.Name == WeeklyComplianceWorkbook.HighRiskSheet);
        var summary = workbook.Worksheet(WeeklyComplianceWorkbook.SummarySheet);
        Assert.Equal("This week", summary.Cell(1, 2).GetString());
        Assert.Equal(XLDataType.Number, summary.Cell(2, 2).DataType);
        Assert.Contains(summary.Column(1).CellsUsed(), c => c.GetString() == "CHARNWOOD");
        Assert.Equal(0, await page.GetByTestId("download-weekly-workbook-error").CountAsync());
    }

    [Fact]
    public async Task EveryCaseTheCompliancePageListsIsInTheWorkbookTheOfficerDownloads()
    {
        var page = await app.SignInAsync("compliance@demo.local");
        await page.GotoAsync("/compliance");
        await page.WaitForInteractiveAsync();
        var listed = new HashSet<string>();
        foreach (var rule in ComplianceRuleText.All)
        {
            var panel = page.GetByTestId($"findings-{(int)rule}");
            await panel.Locator(".mud-expand-panel-header").ClickAsync();
            var cases = panel.GetByTestId("finding-case");
            if (await cases.CountAsync() == 0)
            {
                await Assertions.Expect(panel).ToContainTextAsync("No open case breaks this rule.");
                continue;
            }

            await Assertions.Expect(cases.First).ToBeVisibleAsync();
            listed.UnionWith((await cases.AllTextContentsAsync()).Select(t => t.Trim()));
        }

        var onPage = new Dictionary<string, int>
        {
            [WeeklyComplianceWorkbook.StatusWords(FindingStatus.New)] = int.Parse(await page.GetByTestId("since-new").TextContentAsync() ?? ""),
            [WeeklyComplianceWorkbook.StatusWords(FindingStatus.Carried)] = int.Parse(await page.GetByTestId("since-carried").TextContentAsync() ?? ""),
            [WeeklyComplianceWorkbook.StatusWords(FindingStatus.PutRight)] = int.Parse(await page.GetByTestId("since-put-right").TextContentAsync() ?? ""),
        };

        var button = page.GetByTestId("download-weekly-workbook");
        await Assertions.Expect(button).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => button.ClickAsync(), new() { Timeout = 60_000 });
        await using var file = File.OpenRead(await download.PathAsync());
        using var workbook = new XLWorkbook(file);

        // The week's new, carried over and put right: one row each in the workbook, as many as the page counts.
        var moved = workbook.Worksheet(WeeklyComplianceWorkbook.MovementSheet).Column(1).CellsUsed().Skip(1)
            .GroupBy(c => c.GetString()).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(onPage, kv => Assert.Equal((kv.Key, kv.Value), (kv.Key, moved.GetValueOrDefault(kv.Key))));
        Assert.True(onPage.Values.Sum() > 0);

        var inWorkbook = ComplianceRuleText.All
            .SelectMany(rule => workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(rule)).Column(1).CellsUsed().Skip(1).Select(c => c.GetString()))
            .ToHashSet();

        Assert.NotEmpty(listed);
        Assert.Empty(listed.Except(inWorkbook));
    }
}
