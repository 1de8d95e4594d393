using AsbOps.Domain.Compliance;
using AsbOps.Web.Spreadsheets;
using ClosedXML.Excel;

namespace AsbOps.Web.Features.Metrics;

/// <summary>What the workbook says it was made for: the filter in words.</summary>
public sealed record MetricsSelection(string Version, string Area, DateOnly? From, DateOnly? To);

/// <summary>
/// The metrics page's tables as a ClosedXML workbook, built the way the weekly compliance workbook is: styled, frozen,
/// filtered headers; explicit widths (never auto-fitted); numbers, dates and text as such; never a formula.
/// </summary>
public static class MetricsWorkbook
{
    public const string SummarySheet = "Summary";
    public const string LevelsSheet = "Levels by role";
    public const string UnknownSheet = "Unknown share";
    public const string OverridesSheet = "Overrides";
    public const string HistorySheet = "Headline history";
    public const string ShareFormat = "0.0%";

    /// <summary>The practice example's year before (product.md): cases without a risk assessment, of all cases.</summary>
    public const int PracticeExampleWithout = 358;
    public const int PracticeExampleCases = 4382;

    public static readonly string[] SummaryHeaders = ["Measure", "Value"];
    public static readonly string[] LevelsHeaders = ["Role", "Low", "Medium", "High", "Total"];
    public static readonly string[] UnknownHeaders = ["Matrix", "Question key", "Question", "Answered", "Unknown", "Share unknown"];
    public static readonly string[] OverridesHeaders = ["Case reference", "Matrix", "Computed", "Set to", "Direction", "Approval", "Rationale", "Completed"];
    public static readonly string[] HistoryHeaders = ["Week's check taken", "Cases missing a risk assessment", "Practice example average"];

    public static string FileName(MetricsSelection selection) =>
        $"guidance-metrics-{selection.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "start"}" +
        $"-to-{selection.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "now"}.xlsx";

    public static void Write(GuidanceMetrics metrics, MetricsSelection selection, Stream output, MetricsTrends? trends = null)
    {
        using var workbook = new XLWorkbook();
        WriteSummary(workbook.Worksheets.Add(SummarySheet), metrics, selection);

        var levels = new SheetTable(workbook.Worksheets.Add(LevelsSheet), LevelsHeaders, [16, 10, 10, 10, 10]);
        foreach (var r in metrics.LevelsByRole)
        {
            levels.Row(r.Role, r.Low, r.Medium, r.High, r.Total);
        }

        levels.Finish();

        var unknownSheet = workbook.Worksheets.Add(UnknownSheet);
        var unknown = new SheetTable(unknownSheet, UnknownHeaders, [13, 20, 60, 11, 11, 14]);
        foreach (var q in metrics.UnknownShare)
        {
            unknown.Row(q.Matrix.ToString(), q.QuestionKey, q.QuestionText, q.Answered, q.Unknown, q.Share);
        }

        unknown.Finish();
        unknownSheet.Range(2, 6, Math.Max(unknown.LastRow, 2), 6).Style.NumberFormat.Format = ShareFormat;

        var overrides = new SheetTable(workbook.Worksheets.Add(OverridesSheet), OverridesHeaders, [18, 13, 12, 12, 11, 14, 50, 17]);
        foreach (var o in metrics.Overrides.Latest)
        {
            overrides.Row(o.CaseRef, o.Kind.ToString(), o.Computed.ToString(), o.Judgement.ToString(),
                o.Judgement > o.Computed ? "Raised" : "Lowered", o.Approval.ToString(), o.Rationale, o.CompletedAt);
        }

        overrides.Finish();

        var history = new SheetTable(workbook.Worksheets.Add(HistorySheet), HistoryHeaders, [18, 16, 16]);
        foreach (var p in metrics.HeadlineHistory.OrderBy(p => p.TakenAt))
        {
            history.Row(p.TakenAt, p.MissingAssessments, MissingAssessmentAverage.PracticeExampleAverage);
        }

        history.Finish();
        if (trends is not null)
        {
            MetricsTrendSheets.Write(workbook, trends);
        }

        workbook.SaveAs(output);
    }

    private static void WriteSummary(IXLWorksheet ws, GuidanceMetrics metrics, MetricsSelection selection)
    {
        var table = new SheetTable(ws, SummaryHeaders, [52, 18]);
        table.Row("Guidance version", selection.Version);
        table.Row("Area", selection.Area);
        table.Row("Period from", selection.From);
        table.Row("Period to", selection.To);
        var first = metrics.TimeToFirstAssessment;
        table.Row("Cases opened with a complete assessment", first.Count);
        table.Row("Hours to first complete assessment, median", first.Median);
        table.Row("Hours to first complete assessment, 90th percentile", first.P90);
        table.Row("Cases opened with no complete assessment yet", first.WithoutCompleteAssessment);
        table.Row("Assessments reminded", metrics.Reminders.Assessments);
        table.Row("Average reminders per assessment", metrics.Reminders.Average);
        table.Row("Most reminders on one assessment", metrics.Reminders.Max);
        table.Row("Reminded assessments now answered", metrics.Reminders.Answered);
        table.Row("Overrides raising the level", metrics.Overrides.Up);
        table.Row("Overrides lowering the level", metrics.Overrides.Down);
        table.Row("Practice example: cases without an assessment in the year before", PracticeExampleWithout);
        table.Row("Practice example: cases in that year", PracticeExampleCases);
        table.Row("Practice example: average at any time after", MissingAssessmentAverage.PracticeExampleAverage);
        table.Finish();
    }
}
