using AsbOps.Domain.Compliance;
using AsbOps.Web.Spreadsheets;

namespace AsbOps.Web.Features.Compliance.Workbook;

/// <summary>
/// The Summary sheet: counts per rule (this week, last week, change) on row 1 with the sheet's filter, then counts
/// per area and rule, then each rule's findings new this week, carried over and put right since last week's check,
/// then the headline at each of the last weekly checks.
/// </summary>
internal static class WorkbookSummarySheet
{
    public const string HeadlineLabel = "Cases missing a risk assessment (rules 1-3)";
    public const string MovementLabel = "Since last week's check";
    public const string AverageLabel = "Open cases missing a risk assessment, on average at any time";

    public const string MovementByAreaLabel = "Since last week's check, by area";
    public const string MovementByOfficerLabel = "Since last week's check, by lead officer";

    /// <summary>The first table's widths, and 12 for the area table's further columns (two a rule).</summary>
    public static readonly double[] Widths = [52, .. Enumerable.Repeat(12.0, 2 + (2 * ComplianceRuleText.All.Count))];

    private static int Movement(XlsxSheet ws, IEnumerable<MovementCounts> groups, string label, int after, bool hasLastCheck)
    {
        var table = new XlsxTable(ws, [label, "New this week", "Carried over", "Longest carried (weeks)", "Put right"], firstRow: after + 3);
        foreach (var g in groups)
        {
            table.Row(g.Name, g.New, g.Carried, g.LongestCarriedWeeks, hasLastCheck ? g.PutRight : null);
        }

        return table.LastRow;
    }

    public static void Write(XlsxSheet ws, WeeklyWorkbookData data)
    {
        var last = data.LastWeek;
        var byRule = new XlsxTable(ws, ["Rule", "This week", "Last week", "Change"]);
        foreach (var rule in ComplianceRuleText.All)
        {
            var now = data.ThisWeek.Count(rule);
            int? before = last?.Count(rule);
            byRule.Row($"{(int)rule}. {ComplianceRuleText.Title(rule)}", now, before, before is { } b ? now - b : null);
        }

        byRule.Row(HeadlineLabel, data.ThisWeek.MissingAssessments, last?.MissingAssessments,
            last is null ? null : data.ThisWeek.MissingAssessments - last.MissingAssessments);
        byRule.Row("Open cases", data.ThisWeek.OpenCases, last?.OpenCases, last is null ? null : data.ThisWeek.OpenCases - last.OpenCases);
        byRule.Row("High-risk cases", data.ThisWeek.HighRiskCases, last?.HighRiskCases,
            last is null ? null : data.ThisWeek.HighRiskCases - last.HighRiskCases);
        byRule.Finish();

        var areaHeaders = new List<string> { "Area", "Missing, this week", "Missing, last week" };
        foreach (var rule in ComplianceRuleText.All)
        {
            areaHeaders.Add($"Rule {(int)rule}, this week");
            areaHeaders.Add($"Rule {(int)rule}, last week");
        }

        var byArea = new XlsxTable(ws, areaHeaders, firstRow: byRule.LastRow + 3);
        foreach (var area in data.AreaCodes)
        {
            var row = new List<object?>
            {
                area,
                data.ThisWeek.MissingByArea.TryGetValue(area, out var m) ? m : null,
                last is not null && last.MissingByArea.TryGetValue(area, out var lm) ? lm : null,
            };
            foreach (var rule in ComplianceRuleText.All)
            {
                row.Add(data.ThisWeek.Count(area, rule));
                row.Add(last?.Count(area, rule));
            }

            byArea.Row([.. row]);
        }

        var movement = new XlsxTable(ws, [MovementLabel, "New this week", "Carried over", "Put right"], firstRow: byArea.LastRow + 3);
        foreach (var rule in ComplianceRuleText.All)
        {
            var m = data.Movement.GetValueOrDefault(rule) ?? new RuleMovement(0, 0, 0);
            movement.Row($"{(int)rule}. {ComplianceRuleText.Title(rule)}", m.New, m.Carried, data.LastWeek is null ? null : m.PutRight);
        }

        var lastRow = movement.LastRow;
        if (data.SinceLastCheck is { } since)
        {
            lastRow = Movement(ws, since.ByArea.Append(since.Total), MovementByAreaLabel, lastRow, data.LastWeek is not null);
            lastRow = Movement(ws, since.ByOfficer, MovementByOfficerLabel, lastRow, data.LastWeek is not null);
        }

        var headline = new XlsxTable(ws, ["Week", "Taken at", HeadlineLabel, "Open cases"], firstRow: lastRow + 3);
        foreach (var point in data.Headline)
        {
            headline.Row(point.Week, point.TakenAt, point.MissingAssessments, point.OpenCases);
        }

        if (data.Figure is { } figure)
        {
            var average = new XlsxTable(ws, [AverageLabel, "From", "To", "Average"], firstRow: headline.LastRow + 3);
            average.Row("This force (from the sweeps, time-weighted)", figure.From, figure.To,
                figure.Average is { } a ? Math.Round(a, 1) : null);
            average.Row("The practice example, once its weekly checks ran", null, null, MissingAssessmentAverage.PracticeExampleAverage);
            foreach (var week in figure.Weekly)
            {
                average.Row($"Week {week.Week.Key}", week.Week.StartUtc, week.Week.EndUtc, week.Average is { } w ? Math.Round(w, 1) : null);
            }
        }
    }
}
