using System.Net;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Metrics;
using AsbOps.Web.Security;
using ClosedXML.Excel;

namespace AsbOps.Web.Tests.Metrics;

/// <summary>The metrics workbook over the hand-counted <see cref="MetricsFixture"/>, reopened with ClosedXML.</summary>
public sealed class MetricsWorkbookTests(MetricsFixture fixture) : IClassFixture<MetricsFixture>
{
    private MetricsFilter InPeriod => new(null, fixture.Area, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10));

    private static XLWorkbook Reopen(GuidanceMetrics metrics, MetricsSelection selection)
    {
        var file = new MemoryStream();
        MetricsWorkbook.Write(metrics, selection, file);
        file.Position = 0;
        return new XLWorkbook(file);
    }

    private async Task<XLWorkbook> FixtureWorkbookAsync() => Reopen(await fixture.CreateQueries().LoadAsync(InPeriod),
        new MetricsSelection("All versions", "MET", InPeriod.From, InPeriod.To));

    private static string[] Headers(IXLWorksheet sheet) => sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToArray();

    [Fact]
    public async Task TheWorkbookHasTheSummaryAndEveryTableOfThePageWithStyledFrozenFilteredHeaders()
    {
        using var workbook = await FixtureWorkbookAsync();

        Assert.Equal([MetricsWorkbook.SummarySheet, MetricsWorkbook.LevelsSheet, MetricsWorkbook.UnknownSheet, MetricsWorkbook.OverridesSheet,
            MetricsWorkbook.HistorySheet], workbook.Worksheets.Select(w => w.Name));
        Assert.Equal(MetricsWorkbook.LevelsHeaders, Headers(workbook.Worksheet(MetricsWorkbook.LevelsSheet)));
        Assert.Equal(MetricsWorkbook.UnknownHeaders, Headers(workbook.Worksheet(MetricsWorkbook.UnknownSheet)));
        Assert.Equal(MetricsWorkbook.OverridesHeaders, Headers(workbook.Worksheet(MetricsWorkbook.OverridesSheet)));
        Assert.Equal(MetricsWorkbook.HistoryHeaders, Headers(workbook.Worksheet(MetricsWorkbook.HistorySheet)));
        Assert.All(workbook.Worksheets, ws =>
        {
            Assert.Equal(1, ws.SheetView.SplitRow);
            Assert.True(ws.AutoFilter.IsEnabled);
            Assert.True(ws.Cell(1, 1).Style.Font.Bold);
            Assert.True(ws.Column(1).Width > 10);
        });
    }

    [Fact]
    public async Task LevelsUnknownSharesAndOverridesAreTheHandCountedNumbersDatesAndText()
    {
        using var workbook = await FixtureWorkbookAsync();

        var levels = workbook.Worksheet(MetricsWorkbook.LevelsSheet);
        Assert.Equal(["Victim", "Perpetrator", "Location"], levels.Column(1).CellsUsed().Skip(1).Select(c => c.GetString()));
        Assert.Equal(XLDataType.Number, levels.Cell(2, 4).DataType);
        Assert.Equal((0, 0, 1, 1), (levels.Cell(2, 2).GetValue<int>(), levels.Cell(2, 3).GetValue<int>(), levels.Cell(2, 4).GetValue<int>(),
            levels.Cell(2, 5).GetValue<int>()));

        var unknown = workbook.Worksheet(MetricsWorkbook.UnknownSheet);
        var repeat = unknown.RowsUsed().Single(r => r.Cell(2).GetString() == "repeatVictim");
        Assert.Equal(("Victim", 2, 1, 0.5), (repeat.Cell(1).GetString(), repeat.Cell(4).GetValue<int>(), repeat.Cell(5).GetValue<int>(),
            repeat.Cell(6).GetDouble()));
        Assert.Equal(XLDataType.Number, repeat.Cell(6).DataType);
        Assert.Equal(MetricsWorkbook.ShareFormat, repeat.Cell(6).Style.NumberFormat.Format);
        Assert.DoesNotContain(unknown.Column(2).CellsUsed(), c => c.GetString() == "targeted");

        var overrides = workbook.Worksheet(MetricsWorkbook.OverridesSheet);
        Assert.Equal(3, overrides.LastRowUsed()!.RowNumber());
        Assert.Equal(["ASB-2026-000201", "Perpetrator", "Low", "Medium", "Raised", "NotRequired", "Escalating fast"],
            Enumerable.Range(1, 7).Select(i => overrides.Cell(2, i).GetString()));
        Assert.Equal(XLDataType.DateTime, overrides.Cell(2, 8).DataType);
        Assert.Equal(MetricsFixtureBase.Now.AddDays(-4), overrides.Cell(2, 8).GetDateTime());
        Assert.Equal(("Lowered", "Support now in place"), (overrides.Cell(3, 5).GetString(), overrides.Cell(3, 7).GetString()));
        Assert.Equal(1, workbook.Worksheet(MetricsWorkbook.HistorySheet).LastRowUsed()!.RowNumber());
    }

    [Fact]
    public async Task TheSummaryNamesTheFilterAndGivesCountsAsNumbersDatesAsDatesAndNoValueAsBlank()
    {
        using var workbook = await FixtureWorkbookAsync();

        var summary = workbook.Worksheet(MetricsWorkbook.SummarySheet).RowsUsed().Skip(1)
            .ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2));
        Assert.Equal("All versions", summary["Guidance version"].GetString());
        Assert.Equal("MET", summary["Area"].GetString());
        Assert.Equal(XLDataType.DateTime, summary["Period from"].DataType);
        Assert.Equal(new DateTime(2026, 3, 1), summary["Period from"].GetDateTime());
        Assert.Equal(1, summary["Overrides raising the level"].GetValue<int>());
        Assert.Equal(1, summary["Overrides lowering the level"].GetValue<int>());
        Assert.Equal(XLDataType.Number, summary["Overrides lowering the level"].DataType);
        Assert.True(summary["Hours to first complete assessment, median"].IsEmpty());
        Assert.Equal(358, summary["Practice example: cases without an assessment in the year before"].GetValue<int>());
        Assert.Equal(12.4, summary["Practice example: average at any time after"].GetDouble());
    }

    [Fact]
    public void ARationaleThatLooksLikeAFormulaStaysTextAndNoCellHasAFormula()
    {
        string[] corpus = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-1+1", "@SUM(1)", "\tx", "\rx"];
        var overrides = corpus.Select(text => new OverrideRow("ASB-2026-000001", AssessmentKind.Victim, RiskLevel.Low, RiskLevel.High,
            text, OverrideApproval.Approved, MetricsFixtureBase.Now)).ToList();
        var metrics = new GuidanceMetrics([], [], new OverrideSummary(corpus.Length, 0, overrides),
            [new SnapshotPoint(MetricsFixtureBase.Now, 12, null, null, null, null)], new TimeToFirstAssessment(0, null, null, 0),
            new RemindersPerAssessment(0, 0, 0, 0));

        using var workbook = Reopen(metrics, new MetricsSelection("=cmd", "+area", null, null));

        var sheet = workbook.Worksheet(MetricsWorkbook.OverridesSheet);
        // XML reads a bare CR as LF (as Excel does); the text is otherwise kept as written.
        Assert.Equal(corpus.Select(t => t.Replace('\r', '\n')), Enumerable.Range(2, corpus.Length).Select(r => sheet.Cell(r, 7).GetString()));
        Assert.All(Enumerable.Range(2, corpus.Length), r =>
        {
            Assert.Equal(XLDataType.Text, sheet.Cell(r, 7).DataType);
            Assert.True(sheet.Cell(r, 7).Style.IncludeQuotePrefix);
        });
        Assert.Equal("=cmd", workbook.Worksheet(MetricsWorkbook.SummarySheet).Cell(2, 2).GetString());
        Assert.Equal(12, workbook.Worksheet(MetricsWorkbook.HistorySheet).Cell(2, 2).GetValue<int>());
        Assert.All(workbook.Worksheets.SelectMany(w => w.CellsUsed()), cell => Assert.False(cell.HasFormula));
    }

    [Fact]
    public async Task AnAnalystDownloadsTheWorkbookForTheFilterAndOtherRolesAreTurnedAway()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await fixture.AddUserAsync($"analyst-{suffix}@test.local", Roles.Analyst);
        await fixture.AddUserAsync($"co-{suffix}@test.local", Roles.Compliance);
        var analyst = await fixture.CreateSignedInClientAsync($"analyst-{suffix}@test.local");
        var compliance = await fixture.CreateSignedInClientAsync($"co-{suffix}@test.local");

        using var ok = await analyst.GetAsync(MetricsEndpoints.WorkbookUrl(InPeriod));
        using var bad = await analyst.GetAsync($"{MetricsEndpoints.WorkbookPath}?from=1%20March");
        using var unknownArea = await analyst.GetAsync($"{MetricsEndpoints.WorkbookPath}?area=999999");
        using var denied = await compliance.GetAsync(MetricsEndpoints.WorkbookUrl(InPeriod));
        using var anonymous = await fixture.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(MetricsEndpoints.WorkbookUrl(InPeriod));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("guidance-metrics-2026-03-01-to-2026-03-10.xlsx", ok.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var workbook = new XLWorkbook(new MemoryStream(await ok.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Met", workbook.Worksheet(MetricsWorkbook.SummarySheet).Cell(3, 2).GetString());
        Assert.Equal(4, workbook.Worksheet(MetricsWorkbook.LevelsSheet).LastRowUsed()!.RowNumber());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownArea.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.OriginalString);
    }
}
