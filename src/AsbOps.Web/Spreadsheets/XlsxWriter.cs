using System.IO.Compression;
using System.Text;

namespace AsbOps.Web.Spreadsheets;

/// <summary>
/// A small streaming xlsx writer: sheets are written one after another, row by row, straight into the zip, so a
/// workbook of any length costs the memory of one row (and of the current sheet's links). It writes what the weekly
/// workbook needs and nothing more: inline text, numbers, dates, real hyperlinks (SpreadCheetah has only the
/// HYPERLINK formula, and our workbooks hold no formulas), a styled header, quote-prefixed formula-like text, column
/// widths, a frozen first row and one filter a sheet.
/// </summary>
internal sealed class XlsxWriter(Stream output) : IDisposable
{
    private readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true);
    private readonly List<(string Name, string? Filter)> _sheets = [];
    private XlsxSheet? _current;
    private bool _finished;

    /// <summary>Closes the sheet being written and starts the next, its header row frozen.</summary>
    public XlsxSheet AddSheet(string name, IReadOnlyList<double> widths)
    {
        CloseCurrent();
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count + 1}.xml", CompressionLevel.Optimal);
        _current = new XlsxSheet(entry.Open(), name, widths, frozenHeader: true);
        return _current;
    }

    /// <summary>Closes the last sheet and writes the workbook's parts; the file is complete once this returns.</summary>
    public void Finish()
    {
        CloseCurrent();
        var sheets = new StringBuilder();
        var names = new StringBuilder();
        var rels = new StringBuilder();
        var types = new StringBuilder();
        for (var i = 0; i < _sheets.Count; i++)
        {
            var (name, filter) = _sheets[i];
            sheets.Append($"<sheet name=\"{XlsxParts.Escape(name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>");
            rels.Append($"<Relationship Id=\"rId{i + 1}\" Type=\"{XlsxParts.RelNs}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>");
            types.Append($"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            if (filter is not null)
            {
                var range = string.Join(':', filter.Split(':').Select(Absolute));
                names.Append($"<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{i}\" hidden=\"1\">"
                    + XlsxParts.Escape($"'{name.Replace("'", "''", StringComparison.Ordinal)}'!{range}") + "</definedName>");
            }
        }

        const string Head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
        Entry("xl/workbook.xml", Head + $"<workbook xmlns=\"{XlsxParts.MainNs}\" xmlns:r=\"{XlsxParts.RelNs}\"><bookViews><workbookView/></bookViews>"
            + $"<sheets>{sheets}</sheets>" + (names.Length > 0 ? $"<definedNames>{names}</definedNames>" : "") + "</workbook>");
        Entry("xl/_rels/workbook.xml.rels", Head + $"<Relationships xmlns=\"{XlsxParts.PackageRelNs}\">{rels}"
            + $"<Relationship Id=\"rId{_sheets.Count + 1}\" Type=\"{XlsxParts.RelNs}/styles\" Target=\"styles.xml\"/></Relationships>");
        Entry("xl/styles.xml", XlsxParts.Styles);
        Entry("_rels/.rels", Head + $"<Relationships xmlns=\"{XlsxParts.PackageRelNs}\">"
            + $"<Relationship Id=\"rId1\" Type=\"{XlsxParts.RelNs}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Entry("[Content_Types].xml", Head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + types + "</Types>");
        _finished = true;
        _zip.Dispose();
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _zip.Dispose();
        }
    }

    private static string Absolute(string cell)
    {
        var digits = cell.IndexOfAny("0123456789".ToCharArray());
        return $"${cell[..digits]}${cell[digits..]}";
    }

    private void CloseCurrent()
    {
        if (_current is not { } sheet)
        {
            return;
        }

        sheet.Close();
        _sheets.Add((sheet.Name, sheet.Filter));
        if (sheet.Links.Count > 0)
        {
            var entry = _zip.CreateEntry($"xl/worksheets/_rels/sheet{_sheets.Count}.xml.rels", CompressionLevel.Optimal);
            using var xml = new StreamWriter(entry.Open(), new UTF8Encoding(false), 1 << 16);
            xml.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{XlsxParts.PackageRelNs}\">");
            for (var i = 0; i < sheet.Links.Count; i++)
            {
                xml.Write($"<Relationship Id=\"rId{i + 1}\" Type=\"{XlsxParts.RelNs}/hyperlink\" Target=\"");
                XlsxParts.Escape(xml, sheet.Links[i].Url);
                xml.Write("\" TargetMode=\"External\"/>");
            }

            xml.Write("</Relationships>");
        }

        _current = null;
    }

    private void Entry(string path, string content)
    {
        using var stream = _zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        stream.Write(new UTF8Encoding(false).GetBytes(content));
    }
}
