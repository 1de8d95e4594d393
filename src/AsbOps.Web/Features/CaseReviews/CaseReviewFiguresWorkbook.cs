using System.Globalization;
using AsbOps.Web.Spreadsheets;
using ClosedXML.Excel;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>The published figures as a one-sheet ClosedXML workbook: the period, then each figure as a number.</summary>
public static class CaseReviewFiguresWorkbook
{
    public const string Sheet = "ASB Case Reviews";

    public static readonly string[] Headers = ["Figure", "Number"];

    public static string FileName(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"asb-case-reviews-{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}.xlsx");

    public static void Write(CaseReviewStatistics figures, DateOnly from, DateOnly to, string scope, Stream output)
    {
        using var workbook = new XLWorkbook();
        var table = new SheetTable(workbook.Worksheets.Add(Sheet), Headers, [48, 12]);
        table.Row("Applications for an ASB Case Review", figures.Applications);
        table.Row("Applications where the threshold was not met", figures.ThresholdNotMet);
        table.Row("Case reviews carried out", figures.ReviewsCarriedOut);
        table.Row("Case reviews that led to recommendations", figures.ReviewsWithRecommendations);
        table.Finish();
        var ws = workbook.Worksheet(Sheet);
        ws.Cell(table.LastRow + 2, 1).Value = "Period";
        ws.Cell(table.LastRow + 2, 2).Value = $"{from:d MMM yyyy} to {to:d MMM yyyy}";
        ws.Cell(table.LastRow + 3, 1).Value = "Areas";
        ws.Cell(table.LastRow + 3, 2).Value = scope;
        workbook.SaveAs(output);
    }
}
