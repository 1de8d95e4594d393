using AsbOps.Web.Spreadsheets;
using ClosedXML.Excel;

namespace AsbOps.Web.Features.Metrics;

/// <summary>
/// The page's trends in the metrics workbook: one sheet per group, each trend a titled table of periods and the same
/// columns as on screen (<see cref="MetricsTrendSections"/>); shares as percentages, missing values as empty cells.
/// </summary>
public static class MetricsTrendSheets
{
    public const string PeriodsSheet = "Trend periods";
    public static readonly string[] PeriodHeaders = ["Period", "From", "To", "Guidance versions starting"];

    public static void Write(XLWorkbook workbook, MetricsTrends trends)
    {
        var periods = new SheetTable(workbook.Worksheets.Add(PeriodsSheet), PeriodHeaders, [22, 12, 12, 24]);
        foreach (var p in trends.Periods)
        {
            periods.Row(p.Label, p.Start, p.End.AddDays(-1), string.Join(", ", p.VersionsStarting.Select(v => $"v{v}")));
        }

        periods.Finish();
        var sections = MetricsTrendSections.Build(trends);
        foreach (var group in MetricsTrendSections.Groups)
        {
            var ws = workbook.Worksheets.Add(SheetName(group));
            ws.Column(1).Width = 24;
            var row = 1;
            foreach (var section in sections.Where(s => s.Group == group))
            {
                SheetTable.Text(ws.Cell(row, 1), section.Title);
                ws.Cell(row, 1).Style.Font.Bold = true;
                var table = new SheetTable(ws, ["Period", .. section.Columns.Select(c => c.Name)], firstRow: row + 1);
                for (var i = 0; i < trends.Periods.Count; i++)
                {
                    table.Row([trends.Periods[i].Label, .. section.Columns.Select(c => (object?)c.Values[i])]);
                }

                for (var c = 0; c < section.Columns.Count; c++)
                {
                    ws.Column(c + 2).Width = Math.Max(ws.Column(c + 2).Width, 14);
                    if (section.Columns[c].Percent && trends.Periods.Count > 0)
                    {
                        ws.Range(row + 2, c + 2, table.LastRow, c + 2).Style.NumberFormat.Format = MetricsWorkbook.ShareFormat;
                    }
                }

                row = table.LastRow + 2;
            }

            if (row == 1)
            {
                SheetTable.Text(ws.Cell(1, 1), "No complete assessment in this selection.");
            }
        }
    }

    /// <summary>Sheet names are at most 31 characters and unique in the workbook.</summary>
    public static string SheetName(string group) => "Trend " + group.ToLowerInvariant();
}
