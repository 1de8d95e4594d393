using AsbOps.Domain.Compliance;
using AsbOps.Web.Features.Compliance.Workbook;
using ClosedXML.Excel;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>The weekly workbook built from a hand-built week and reopened with ClosedXML.</summary>
public sealed class WeeklyComplianceWorkbookTests
{
    public static readonly string[] Injections = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-1+1", "@SUM(1)", "\tx", "\rx"];

    private static readonly DateTime TakenAt = new(2026, 3, 9, 7, 0, 0, DateTimeKind.Utc);

    private static WeeklyWorkbookData Fixture()
    {
        var rules = ComplianceRuleText.All;
        WorkbookSnapshot Snapshot(DateTime at, int factor) => new(
            at, 100 * factor, 10 * factor, 6 * factor,
            rules.ToDictionary(r => r, r => (int)r * factor),
            rules.SelectMany(r => new[] { ("CITY", r), ("MELTON", r) }).ToDictionary(k => k, k => k.Item1 == "CITY" ? (int)k.r * factor : 0),
            new Dictionary<string, int> { ["CITY"] = 6 * factor, ["MELTON"] = 0 });
        var findings = rules.ToDictionary(
            r => r,
            r => (IReadOnlyList<WorkbookFinding>)[new WorkbookFinding($"ASB-2026-00000{(int)r}", "CITY", "PC One", "PS Two", TakenAt.AddDays(-20), "Jo Bloggs", 3,
                ComplianceRuleText.Missing(r), TakenAt.AddDays(-3), (int)r % 3, $"https://asbops.test/cases/ASB-2026-00000{(int)r}")]);
        findings[ComplianceRule.VictimWithoutAssessment] = Injections
            .Select((text, i) => new WorkbookFinding($"ASB-2026-10000{i}", "CITY", text, text, TakenAt.AddDays(-30), text, i, text, TakenAt.AddDays(-i), 0,
                "https://asbops.test/cases/x"))
            .ToList();
        var movement = rules.ToDictionary(r => r, r => new RuleMovement((int)r, 10 + (int)r, 20 + (int)r));
        return new WeeklyWorkbookData(
            new ComplianceWeek(2026, 11), TakenAt, ["CITY", "MELTON"], Snapshot(TakenAt, 2), Snapshot(TakenAt.AddDays(-7), 1),
            Enumerable.Range(0, 12).Select(i => new HeadlinePoint($"2026-W{i:D2}", TakenAt.AddDays(-7 * (11 - i)), 10 + i, 100)).ToList(),
            WorkbookFindings.Of(findings),
            movement,
            [new WorkbookUnknownAnswer("ASB-2026-000004", "CITY", "=Jo Bloggs", "Is the person vulnerable?", 6, 2, "https://asbops.test/cases/ASB-2026-000004")],
            [new WorkbookHighRiskCase("ASB-2026-000006", "CITY", TakenAt.AddDays(-4), true, false, 2, "LocalAuthority, Housing", TakenAt.AddDays(10), "https://asbops.test/cases/ASB-2026-000006")]);
    }

    private static async Task<XLWorkbook> ReopenAsync(WeeklyWorkbookData data)
    {
        var file = new MemoryStream();
        await WeeklyComplianceWorkbook.WriteAsync(data, file);
        file.Position = 0;
        return new XLWorkbook(file);
    }

    [Fact]
    public async Task TheWorkbookHasASummaryASheetPerRuleTheMovementUnknownAnswersAndHighRisk()
    {
        using var workbook = await ReopenAsync(Fixture());

        string[] expected = [WeeklyComplianceWorkbook.SummarySheet, .. ComplianceRuleText.All.Select(WeeklyComplianceWorkbook.RuleSheet),
            WeeklyComplianceWorkbook.MovementSheet, WeeklyComplianceWorkbook.UnknownSheet, WeeklyComplianceWorkbook.HighRiskSheet];
        Assert.Equal(expected, workbook.Worksheets.Select(w => w.Name));
    }

    [Fact]
    public async Task EverySheetHasAStyledFrozenFilteredHeaderRowAndSetWidths()
    {
        using var workbook = await ReopenAsync(Fixture());

        foreach (var ws in workbook.Worksheets)
        {
            Assert.True(ws.Cell(1, 1).Style.Font.Bold, ws.Name);
            Assert.Equal(1, ws.SheetView.SplitRow);
            Assert.True(ws.AutoFilter.IsEnabled, ws.Name);
            Assert.Equal(1, ws.AutoFilter.Range.FirstRow().RowNumber());
            Assert.True(ws.Column(1).Width > 10, ws.Name);
        }

        var rule = workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(ComplianceRule.ReviewOverdue));
        Assert.Equal(WeeklyComplianceWorkbook.FindingHeaders, Enumerable.Range(1, 11).Select(c => rule.Cell(1, c).GetString()));
        Assert.Equal(18, rule.Column(1).Width);
    }

    [Fact]
    public async Task TheSummaryPutsThisWeekBesideLastWeekPerRuleAndAreaAndTwelveWeeksOfHeadline()
    {
        using var workbook = await ReopenAsync(Fixture());
        var summary = workbook.Worksheet(WeeklyComplianceWorkbook.SummarySheet);

        Assert.Equal(["Rule", "This week", "Last week", "Change"], Enumerable.Range(1, 4).Select(c => summary.Cell(1, c).GetString()));
        Assert.Equal("3. Perpetrator without an assessment", summary.Cell(4, 1).GetString());
        Assert.Equal((6, 3, 3), (summary.Cell(4, 2).GetValue<int>(), summary.Cell(4, 3).GetValue<int>(), summary.Cell(4, 4).GetValue<int>()));
        Assert.Equal(XLDataType.Number, summary.Cell(4, 2).DataType);
        Assert.Equal((12, 6), (summary.Cell(9, 2).GetValue<int>(), summary.Cell(9, 3).GetValue<int>()));

        var areaHeader = summary.Column(1).CellsUsed().First(c => c.GetString() == "Area").Address.RowNumber;
        Assert.Equal("CITY", summary.Cell(areaHeader + 1, 1).GetString());
        Assert.Equal((12, 6), (summary.Cell(areaHeader + 1, 2).GetValue<int>(), summary.Cell(areaHeader + 1, 3).GetValue<int>()));
        Assert.Equal("Rule 7, this week", summary.Cell(areaHeader, 16).GetString());
        Assert.Equal((14, 7), (summary.Cell(areaHeader + 1, 16).GetValue<int>(), summary.Cell(areaHeader + 1, 17).GetValue<int>()));

        var movementHeader = summary.Column(1).CellsUsed().First(c => c.GetString() == WeeklyComplianceWorkbook.MovementLabel).Address.RowNumber;
        Assert.Equal(["New this week", "Carried over", "Put right"], Enumerable.Range(2, 3).Select(c => summary.Cell(movementHeader, c).GetString()));
        Assert.StartsWith("7. ", summary.Cell(movementHeader + 7, 1).GetString());
        Assert.Equal((7, 17, 27), (summary.Cell(movementHeader + 7, 2).GetValue<int>(), summary.Cell(movementHeader + 7, 3).GetValue<int>(),
            summary.Cell(movementHeader + 7, 4).GetValue<int>()));

        var weekHeader = summary.Column(1).CellsUsed().First(c => c.GetString() == "Week").Address.RowNumber;
        Assert.Equal(12, Enumerable.Range(weekHeader + 1, 20).Count(r => !summary.Cell(r, 1).IsEmpty()));
        Assert.Equal(XLDataType.DateTime, summary.Cell(weekHeader + 1, 2).DataType);
        Assert.Equal(21, summary.Cell(weekHeader + 12, 3).GetValue<int>());
    }

    [Fact]
    public async Task FindingsUnknownAnswersAndHighRiskRowsHaveTextNumbersDatesAndLinks()
    {
        using var workbook = await ReopenAsync(Fixture());

        var rule = workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(ComplianceRule.ReviewOverdue));
        Assert.Equal("ASB-2026-000007", rule.Cell(2, 1).GetString());
        Assert.True(rule.Cell(2, 1).HasHyperlink);
        Assert.Equal("https://asbops.test/cases/ASB-2026-000007", rule.Cell(2, 1).GetHyperlink().ExternalAddress.ToString());
        Assert.Equal(("PC One", "PS Two", "Jo Bloggs"), (rule.Cell(2, 3).GetString(), rule.Cell(2, 4).GetString(), rule.Cell(2, 6).GetString()));
        Assert.Equal(XLDataType.DateTime, rule.Cell(2, 5).DataType);
        Assert.Equal(TakenAt.AddDays(-20).Date, rule.Cell(2, 5).GetDateTime());
        Assert.Equal(XLDataType.DateTime, rule.Cell(2, 8).DataType);
        Assert.Equal(TakenAt.AddDays(-3).Date, rule.Cell(2, 8).GetDateTime());
        Assert.Equal(XLDataType.Number, rule.Cell(2, 9).DataType);
        Assert.Equal((3, 1), (rule.Cell(2, 9).GetValue<int>(), rule.Cell(2, 10).GetValue<int>()));
        Assert.Equal(WorkbookFinding.Carried, rule.Cell(2, 11).GetString());
        var victims = workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(ComplianceRule.VictimWithoutAssessment));
        Assert.Equal(WorkbookFinding.New, victims.Cell(2, 11).GetString());

        var unknown = workbook.Worksheet(WeeklyComplianceWorkbook.UnknownSheet);
        Assert.Equal(("=Jo Bloggs", "Is the person vulnerable?", 6, 2),
            (unknown.Cell(2, 3).GetString(), unknown.Cell(2, 4).GetString(), unknown.Cell(2, 5).GetValue<int>(), unknown.Cell(2, 6).GetValue<int>()));

        var high = workbook.Worksheet(WeeklyComplianceWorkbook.HighRiskSheet);
        Assert.Equal(WeeklyComplianceWorkbook.HighRiskHeaders, Enumerable.Range(1, 9).Select(c => high.Cell(1, c).GetString()));
        Assert.Equal(("Yes", "No", 2), (high.Cell(2, 4).GetString(), high.Cell(2, 5).GetString(), high.Cell(2, 6).GetValue<int>()));
        Assert.Equal(XLDataType.DateTime, high.Cell(2, 3).DataType);
        Assert.Equal(TakenAt.AddDays(10).Date, high.Cell(2, 8).GetDateTime());
    }

    [Fact]
    public async Task TextThatLooksLikeAFormulaStaysTextAndNoCellHasAFormula()
    {
        using var workbook = await ReopenAsync(Fixture());

        var sheet = workbook.Worksheet(WeeklyComplianceWorkbook.RuleSheet(ComplianceRule.VictimWithoutAssessment));
        for (var i = 0; i < Injections.Length; i++)
        {
            foreach (var column in new[] { 3, 4, 6, 7 })
            {
                var cell = sheet.Cell(i + 2, column);
                Assert.Equal(XLDataType.Text, cell.DataType);

                // XML reads a bare CR as LF (as Excel does); the text is otherwise kept as written.
                Assert.Equal(Injections[i].Replace('\r', '\n'), cell.GetString());
                Assert.False(cell.HasFormula);
                Assert.True(cell.Style.IncludeQuotePrefix);
            }
        }

        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), cell => Assert.False(cell.HasFormula, cell.Address.ToString()));
    }
}
