using AsbOps.Domain.Compliance;
using AsbOps.Web.Features.Compliance.Workbook;
using AsbOps.Web.Tests.Data;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>
/// What the streamed rule sheets must hold on a demo force, whatever the database: every finding of the snapshot the
/// workbook is built from, one row each with its link, the same rows however the reading is chunked, in a file that
/// the Office schema accepts.
/// </summary>
internal static class WorkbookRuleSheetCheck
{
    public static async Task EveryRuleSheetHoldsEveryFindingAsync(DemoForceAppFactory app, ComplianceWeek week)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = await scope.ServiceProvider.GetRequiredService<WeeklyWorkbookQueries>().LoadAsync(week);
        Assert.NotNull(data);
        var file = new MemoryStream();
        await WeeklyComplianceWorkbook.WriteAsync(data, file);

        await using var db = app.CreateDbContext();
        var snapshot = await db.ComplianceSnapshots.Where(s => s.TakenAt == data.TakenAt).OrderByDescending(s => s.IsWeekly).Select(s => s.Id).FirstAsync();
        var held = await db.ComplianceFindings.Where(f => f.SnapshotId == snapshot).GroupBy(f => f.Rule)
            .Select(g => new { Rule = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Rule, g => g.Count);

        file.Position = 0;
        using (var workbook = new XLWorkbook(file))
        {
            foreach (var rule in ComplianceRuleText.All)
            {
                var sheet = workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(rule));
                var rows = sheet.Column(1).CellsUsed().Skip(1).ToList();
                Assert.True(held.GetValueOrDefault(rule) == rows.Count, $"{sheet.Name}: {rows.Count} rows, {held.GetValueOrDefault(rule)} findings held");
                Assert.All(rows, c => Assert.True(c.HasHyperlink, c.Address.ToString()));
                Assert.Equal($"A1:K{rows.Count + 1}", sheet.AutoFilter.Range.RangeAddress.ToString());
            }
        }

        // Most rules have findings on the demo force; an empty workbook must not pass for a complete one.
        Assert.True(held.Count(h => h.Value > 0) >= 4, string.Join(", ", held.Select(h => $"{h.Key}: {h.Value}")));

        file.Position = 0;
        using var package = SpreadsheetDocument.Open(file, false);
        var errors = new OpenXmlValidator().Validate(package).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").Take(5).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    public static async Task ChunkedReadingGivesTheSameRowsAsync(DemoForceAppFactory app, ComplianceWeek week)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = await scope.ServiceProvider.GetRequiredService<WeeklyWorkbookQueries>().LoadAsync(week);
        var findings = Assert.IsType<SnapshotWorkbookFindings>(data?.Findings);

        var total = 0;
        foreach (var rule in ComplianceRuleText.All)
        {
            var whole = await findings.ReadAsync(rule).ToListAsync();
            var chunked = await findings.InChunksOf(7).ReadAsync(rule).ToListAsync();
            Assert.Equal(whole, chunked);
            total += whole.Count;
        }

        Assert.True(total > 7 * 3, $"{total} findings");
    }
}
