using System.Globalization;
using System.Text;

namespace AsbOps.Web.Spreadsheets;

/// <summary>
/// One worksheet of an <see cref="XlsxWriter"/>, written row by row as XML straight into the zip entry: typed cells
/// (inline text, numbers, dates as date-formatted numbers, real hyperlinks), never a formula. Rows go down only; the
/// links and the filter are kept until the sheet closes, since the file format puts them after the rows.
/// </summary>
internal sealed class XlsxSheet
{
    private readonly StreamWriter _xml;
    private readonly List<(string Cell, string Url)> _links = [];
    private string? _filter;

    internal XlsxSheet(Stream entry, string name, IReadOnlyList<double> widths, bool frozenHeader)
    {
        Name = name;
        _xml = new StreamWriter(entry, new UTF8Encoding(false), 1 << 16);
        _xml.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + XlsxParts.MainNs + "\" xmlns:r=\""
            + XlsxParts.RelNs + "\">");
        if (frozenHeader)
        {
            _xml.Write("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>");
        }

        if (widths.Count > 0)
        {
            _xml.Write("<cols>");
            for (var i = 0; i < widths.Count; i++)
            {
                // Excel's stored width includes the cell padding, as ClosedXML writes it.
                _xml.Write($"<col min=\"{i + 1}\" max=\"{i + 1}\" width=\"{(widths[i] + 0.710625).ToString(CultureInfo.InvariantCulture)}\" customWidth=\"1\"/>");
            }

            _xml.Write("</cols>");
        }

        _xml.Write("<sheetData>");
    }

    public string Name { get; }

    /// <summary>The last row written (0 before the first).</summary>
    public int LastRow { get; private set; }

    /// <summary>The filter range (the sheet's one filter), e.g. <c>A1:K40</c>, or null.</summary>
    public string? Filter => _filter;

    internal IReadOnlyList<(string Cell, string Url)> Links => _links;

    /// <summary>Writes <paramref name="values"/> on row <paramref name="row"/> (after the last row written).</summary>
    public void Row(int row, ReadOnlySpan<object?> values, bool header = false)
    {
        if (row <= LastRow)
        {
            throw new InvalidOperationException($"Row {row} comes after row {LastRow} on sheet {Name}.");
        }

        LastRow = row;
        var r = row.ToString(CultureInfo.InvariantCulture);
        _xml.Write("<row r=\"");
        _xml.Write(r);
        _xml.Write("\">");
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                Cell(XlsxParts.Column(i + 1) + r, value, header);
            }
        }

        _xml.Write("</row>");
    }

    /// <summary>Filters columns 1 to <paramref name="columns"/> from row 1 to <paramref name="lastRow"/>.</summary>
    public void SetFilter(int columns, int lastRow) => _filter = $"A1:{XlsxParts.Column(columns)}{Math.Max(1, lastRow)}";

    private void Cell(string reference, object value, bool header)
    {
        switch (value)
        {
            case int n:
                Number(reference, n.ToString(CultureInfo.InvariantCulture), 0);
                break;
            case long n:
                Number(reference, n.ToString(CultureInfo.InvariantCulture), 0);
                break;
            case double d:
                Number(reference, d.ToString("R", CultureInfo.InvariantCulture), 0);
                break;
            case DateOnly date:
                Number(reference, date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString("R", CultureInfo.InvariantCulture), XlsxParts.DateStyle);
                break;
            case DateTime at:
                Number(reference, at.ToOADate().ToString("R", CultureInfo.InvariantCulture), XlsxParts.DateTimeStyle);
                break;
            case SheetLink link:
                if (Uri.TryCreate(link.Url, UriKind.Absolute, out _))
                {
                    _links.Add((reference, link.Url));
                    Text(reference, link.Text ?? link.Url, XlsxParts.LinkStyle);
                }
                else
                {
                    Text(reference, link.Text ?? link.Url, 0);
                }

                break;
            default:
                var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                Text(reference, text, header ? XlsxParts.HeaderStyle : SpreadsheetText.LooksLikeFormula(text) ? XlsxParts.QuotedTextStyle : 0);
                break;
        }
    }

    private void Number(string reference, string value, int style)
    {
        _xml.Write("<c r=\"");
        _xml.Write(reference);
        _xml.Write(style == 0 ? "\"><v>" : $"\" s=\"{style}\"><v>");
        _xml.Write(value);
        _xml.Write("</v></c>");
    }

    private void Text(string reference, string text, int style)
    {
        _xml.Write("<c r=\"");
        _xml.Write(reference);
        _xml.Write(style == 0 ? "\" t=\"inlineStr\"><is>" : $"\" s=\"{style}\" t=\"inlineStr\"><is>");

        // Spaces at either end are kept only when the text says so.
        _xml.Write(text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? "<t xml:space=\"preserve\">" : "<t>");
        XlsxParts.Escape(_xml, text);
        _xml.Write("</t></is></c>");
    }

    /// <summary>Ends the sheet: its filter and its links' cells (their addresses go in the sheet's relationships).</summary>
    internal void Close()
    {
        _xml.Write("</sheetData>");
        if (_filter is not null)
        {
            _xml.Write($"<autoFilter ref=\"{_filter}\"/>");
        }

        if (_links.Count > 0)
        {
            _xml.Write("<hyperlinks>");
            for (var i = 0; i < _links.Count; i++)
            {
                _xml.Write($"<hyperlink ref=\"{_links[i].Cell}\" r:id=\"rId{i + 1}\"/>");
            }

            _xml.Write("</hyperlinks>");
        }

        _xml.Write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
        _xml.Dispose();
    }
}
