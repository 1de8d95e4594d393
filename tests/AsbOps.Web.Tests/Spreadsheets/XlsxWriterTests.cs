using AsbOps.Web.Spreadsheets;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace AsbOps.Web.Tests.Spreadsheets;

/// <summary>The streaming xlsx writer's awkward cases, read back by ClosedXML and checked against the Office schema.</summary>
public sealed class XlsxWriterTests
{
    private static MemoryStream Write(Action<XlsxWriter> build)
    {
        var file = new MemoryStream();
        using (var writer = new XlsxWriter(file))
        {
            build(writer);
            writer.Finish();
        }

        file.Position = 0;
        return file;
    }

    [Fact]
    public void AwkwardTextSheetNamesAndLinksComeBackAsWritten()
    {
        var at = new DateTime(2026, 3, 9, 7, 30, 0, DateTimeKind.Utc);
        using var file = Write(writer =>
        {
            var table = new XlsxTable(writer.AddSheet("Tom's & <Jerry>", [20, 30]), ["Text", "More"]);
            table.Row(" padded ", "a\u0001b");
            table.Row("<tag> & \"quoted\"", new SheetLink("https://asbops.test/cases/x?a=1&b=2", "ASB-1"));
            table.Row(at, new DateOnly(2026, 3, 9));
            table.Row(null, 42);
            table.Finish();
            new XlsxTable(writer.AddSheet("Second", []), ["Only"]).Finish();
        });

        using (var workbook = new XLWorkbook(file))
        {
            var ws = workbook.Worksheet("Tom's & <Jerry>");
            Assert.Equal(" padded ", ws.Cell(2, 1).GetString());
            Assert.Equal("ab", ws.Cell(2, 2).GetString());
            Assert.Equal("<tag> & \"quoted\"", ws.Cell(3, 1).GetString());
            Assert.Equal("https://asbops.test/cases/x?a=1&b=2", ws.Cell(3, 2).GetHyperlink().ExternalAddress.ToString());
            Assert.Equal("ASB-1", ws.Cell(3, 2).GetString());
            Assert.Equal(at, ws.Cell(4, 1).GetDateTime());
            Assert.Equal(new DateTime(2026, 3, 9), ws.Cell(4, 2).GetDateTime());
            Assert.True(ws.Cell(5, 1).IsEmpty());
            Assert.Equal(42, ws.Cell(5, 2).GetValue<int>());
            Assert.Equal("A1:B5", ws.AutoFilter.Range.RangeAddress.ToString());
            Assert.Equal(30, ws.Column(2).Width);
            Assert.Equal(["Tom's & <Jerry>", "Second"], workbook.Worksheets.Select(w => w.Name));
        }

        file.Position = 0;
        using var package = SpreadsheetDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(package).Select(e => e.Description));
    }

    [Fact]
    public void RowsOnlyGoDown()
    {
        using var file = new MemoryStream();
        using var writer = new XlsxWriter(file);
        var sheet = writer.AddSheet("Sheet", []);
        sheet.Row(3, ["x"]);

        Assert.Throws<InvalidOperationException>(() => sheet.Row(2, ["y"]));
    }
}
