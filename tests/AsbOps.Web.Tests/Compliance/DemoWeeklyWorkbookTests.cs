using AsbOps.Domain.Compliance;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Compliance.Workbook;
using AsbOps.Web.Tests.Data;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>The weekly workbook as the compliance officer downloads it from the demo force, not from a fixture.</summary>
[Collection(DemoForceCollection.Name)]
public sealed class DemoWeeklyWorkbookTests(SeededDemoForce force)
{
    private static readonly ComplianceWeek ThisWeek = ComplianceWeek.Of(DemoForceAppFactory.Today.UtcDateTime);

    private async Task<XLWorkbook> BuildAsync(ComplianceWeek week)
    {
        await using var scope = force.App.Services.CreateAsyncScope();
        var data = await scope.ServiceProvider.GetRequiredService<WeeklyWorkbookQueries>().LoadAsync(week);
        Assert.NotNull(data);
        var file = new MemoryStream();
        await WeeklyComplianceWorkbook.WriteAsync(data, file);
        file.Position = 0;
        return new XLWorkbook(file);
    }

    private static List<string> References(IXLWorksheet sheet, int column = 1) =>
        sheet.Column(column).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();

    [Fact]
    public async Task ThisWeeksRuleSheetsListTheLatestSnapshotsFindingsOneByOneOldestFirst()
    {
        using var workbook = await BuildAsync(ThisWeek);
        await using var db = force.App.CreateDbContext();
        var latest = await db.ComplianceSnapshots.OrderByDescending(s => s.TakenAt).FirstAsync();
        var lastCheck = await db.ComplianceSnapshots.Where(s => s.IsWeekly && s.TakenAt < latest.TakenAt).OrderByDescending(s => s.TakenAt)
            .Select(s => s.Id).FirstAsync();
        var lastWeek = (await db.ComplianceFindings.Where(f => f.SnapshotId == lastCheck).Select(f => new { f.CaseId, f.Rule }).ToListAsync())
            .Select(f => (f.CaseId, f.Rule)).ToHashSet();

        foreach (var rule in ComplianceRuleText.All)
        {
            var expected = await (
                    from f in db.ComplianceFindings
                    where f.SnapshotId == latest.Id && f.Rule == rule
                    join c in db.Cases on f.CaseId equals c.Id
                    orderby f.Since, c.Reference
                    select new { c.Reference, f.CaseId, f.Since })
                .ToListAsync();
            var sheet = workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(rule));

            Assert.Equal(expected.Select(e => e.Reference), References(sheet));
            for (var i = 0; i < expected.Count; i++)
            {
                var row = i + 2;
                Assert.True(sheet.Cell(row, 1).HasHyperlink);
                Assert.EndsWith("/cases/" + expected[i].Reference, sheet.Cell(row, 1).GetHyperlink().ExternalAddress.ToString());
                Assert.Equal(expected[i].Since.Date, sheet.Cell(row, 8).GetDateTime());
                Assert.False(string.IsNullOrWhiteSpace(sheet.Cell(row, 6).GetString()));
                Assert.Equal(lastWeek.Contains((expected[i].CaseId, rule)) ? WorkbookFinding.Carried : WorkbookFinding.New, sheet.Cell(row, 11).GetString());
                Assert.Equal(lastWeek.Contains((expected[i].CaseId, rule)), sheet.Cell(row, 10).GetValue<int>() > 0);
            }
        }

        Assert.NotEmpty(References(workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(ComplianceRule.VictimWithoutAssessment))));

        // This Monday's check found most of today's victims without an assessment already: they read as carried over.
        var victims = workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(ComplianceRule.VictimWithoutAssessment));
        Assert.Contains(victims.Column(11).CellsUsed().Skip(1), c => c.GetString() == WorkbookFinding.Carried);
        Assert.NotEmpty(References(workbook.Worksheet(WeeklyComplianceWorkbook.UnknownSheet)));
    }

    [Fact]
    public async Task EveryCaseTheCompliancePageListsIsInThisWeeksWorkbook()
    {
        using var workbook = await BuildAsync(ThisWeek);
        await using var scope = force.App.Services.CreateAsyncScope();
        var page = scope.ServiceProvider.GetRequiredService<IComplianceQueries>();

        foreach (var rule in ComplianceRuleText.All)
        {
            var listed = await page.FindingsAsync(rule, null, CompliancePage.FindingsPerRule);
            var inWorkbook = References(workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(rule))).ToHashSet();

            Assert.All(listed, f => Assert.Contains(f.CaseRef, inWorkbook));
        }
    }

    [Fact]
    public async Task LastWeeksWorkbookListsItsWeeklyCheckAndTheSummarySaysWhatMoved()
    {
        using var workbook = await BuildAsync(ThisWeek.Previous);
        await using var db = force.App.CreateDbContext();
        var check = await db.ComplianceSnapshots.Include(s => s.Findings).SingleAsync(s => s.IsoWeek == ThisWeek.Previous.Key);
        var before = await db.ComplianceSnapshots.Include(s => s.Findings).SingleAsync(s => s.IsoWeek == ThisWeek.Previous.Previous.Key);
        var earlier = before.Findings.Select(f => (f.CaseId, f.Rule)).ToHashSet();
        var now = check.Findings.Select(f => (f.CaseId, f.Rule)).ToHashSet();

        var summary = workbook.Worksheet(WeeklyComplianceWorkbook.SummarySheet);
        var header = summary.Column(1).CellsUsed().First(c => c.GetString() == WeeklyComplianceWorkbook.MovementLabel).Address.RowNumber;
        foreach (var rule in ComplianceRuleText.All)
        {
            var sheet = workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(rule));
            Assert.Equal(check.Findings.Count(f => f.Rule == rule), References(sheet).Count);

            var row = header + (int)rule;
            Assert.Equal(check.Findings.Count(f => f.Rule == rule && !earlier.Contains((f.CaseId, f.Rule))), summary.Cell(row, 2).GetValue<int>());
            Assert.Equal(check.Findings.Count(f => f.Rule == rule && earlier.Contains((f.CaseId, f.Rule))), summary.Cell(row, 3).GetValue<int>());
            Assert.Equal(before.Findings.Count(f => f.Rule == rule && !now.Contains((f.CaseId, f.Rule))), summary.Cell(row, 4).GetValue<int>());
        }
    }

    [Fact]
    public async Task TheSummaryGivesTheForcesAverageOverTwelveWeeksBesideThePracticeExample()
    {
        using var workbook = await BuildAsync(ThisWeek);
        await using var scope = force.App.Services.CreateAsyncScope();
        await using var db = force.App.CreateDbContext();
        var latest = await db.ComplianceSnapshots.OrderByDescending(s => s.TakenAt).FirstAsync();
        var expected = await scope.ServiceProvider.GetRequiredService<IComplianceQueries>()
            .ForceFigureAsync(latest.TakenAt.AddDays(-7 * WeeklyWorkbookQueries.HeadlineWeeks), latest.TakenAt);

        var summary = workbook.Worksheet(WeeklyComplianceWorkbook.SummarySheet);
        var header = summary.Column(1).CellsUsed().First(c => c.GetString() == WeeklyComplianceWorkbook.AverageLabel).Address.RowNumber;

        Assert.NotNull(expected.Average);
        Assert.Equal(Math.Round(expected.Average.Value, 1), summary.Cell(header + 1, 4).GetValue<double>());
        Assert.Equal(MissingAssessmentAverage.PracticeExampleAverage, summary.Cell(header + 2, 4).GetValue<double>());
        Assert.Equal(expected.Weekly.Count, Enumerable.Range(header + 3, 30).Count(r => summary.Cell(r, 1).GetString().StartsWith("Week ", StringComparison.Ordinal)));
    }
}
