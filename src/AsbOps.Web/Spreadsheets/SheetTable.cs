using ClosedXML.Excel;

namespace AsbOps.Web.Spreadsheets;

/// <summary>
/// One table on a ClosedXML sheet: a styled header row, typed cells (text, whole numbers, dates, links), explicit
/// widths, and on <see cref="Finish"/> a frozen header row and an auto-filter when the table starts on row 1.
/// </summary>
internal sealed class SheetTable
{
    public const string DateFormat = "dd/mm/yyyy";
    public const string DateTimeFormat = "dd/mm/yyyy hh:mm";

    private readonly IXLWorksheet _ws;
    private readonly int _firstRow;
    private readonly int _columns;
    private int _row;

    public SheetTable(IXLWorksheet ws, IReadOnlyList<string> headers, IReadOnlyList<double>? widths = null, int firstRow = 1)
    {
        _ws = ws;
        _firstRow = firstRow;
        _columns = headers.Count;
        _row = firstRow;
        for (var i = 0; i < headers.Count; i++)
        {
            Text(ws.Cell(firstRow, i + 1), headers[i]);
            if (widths is not null && firstRow == 1)
            {
                ws.Column(i + 1).Width = widths[i];
            }
        }

        var header = ws.Range(firstRow, 1, firstRow, headers.Count);
        header.Style.Font.Bold = true;
        header.Style.Font.FontColor = XLColor.White;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#1F3864");
        header.Style.Alignment.WrapText = true;
        header.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    public int LastRow => _row;

    public void Row(params object?[] values)
    {
        _row++;
        for (var i = 0; i < values.Length; i++)
        {
            var cell = _ws.Cell(_row, i + 1);
            switch (values[i])
            {
                case null:
                    break;
                case int n:
                    cell.SetValue(n);
                    cell.DataType = XLDataType.Number;
                    break;
                case double d:
                    cell.SetValue(d);
                    cell.DataType = XLDataType.Number;
                    break;
                case DateOnly date:
                    cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                    cell.DataType = XLDataType.DateTime;
                    cell.Style.DateFormat.Format = SheetTable.DateFormat;
                    break;
                case DateTime at:
                    cell.SetValue(at);
                    cell.DataType = XLDataType.DateTime;
                    cell.Style.DateFormat.Format = SheetTable.DateTimeFormat;
                    break;
                case SheetLink link:
                    Text(cell, link.Text ?? link.Url);
                    if (Uri.TryCreate(link.Url, UriKind.Absolute, out var uri))
                    {
                        cell.Hyperlink = new XLHyperlink(uri);
                    }

                    break;
                default:
                    Text(cell, Convert.ToString(values[i], System.Globalization.CultureInfo.InvariantCulture) ?? "");
                    break;
            }
        }
    }

    /// <summary>Freezes the header and filters the table (for a table on row 1; a sheet has one filter).</summary>
    public void Finish()
    {
        if (_firstRow != 1)
        {
            return;
        }

        _ws.SheetView.FreezeRows(1);
        _ws.Range(1, 1, Math.Max(_row, 1), _columns).SetAutoFilter();
    }

    /// <summary>A text cell, whatever the text looks like: never a formula, a number or a date.</summary>
    public static void Text(IXLCell cell, string text)
    {
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        if (SpreadsheetText.LooksLikeFormula(text))
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }
}

/// <summary>A hyperlink cell: <paramref name="Text"/> (or else the address) linked to the address.</summary>
internal sealed record SheetLink(string Url, string? Text = null);
