using System.Text;

namespace AsbOps.Web.Spreadsheets;

/// <summary>The fixed parts of an xlsx package written by <see cref="XlsxWriter"/>: namespaces, styles, escaping.</summary>
internal static class XlsxParts
{
    public const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    public const int HeaderStyle = 1;
    public const int DateStyle = 2;
    public const int DateTimeStyle = 3;
    public const int QuotedTextStyle = 4;
    public const int LinkStyle = 5;

    /// <summary>
    /// Fonts: default, bold white (headers), blue underlined (links). Fills: none, the required gray125, the header's
    /// navy. Cell formats, in the order of the style numbers above.
    /// </summary>
    public static readonly string Styles =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"" + MainNs + "\">"
        + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"" + SheetTable.DateFormat + "\"/>"
        + "<numFmt numFmtId=\"165\" formatCode=\"" + SheetTable.DateTimeFormat + "\"/></numFmts>"
        + "<fonts count=\"3\"><font><sz val=\"11\"/><color theme=\"1\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><color rgb=\"FFFFFFFF\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><u/><sz val=\"11\"/><color rgb=\"FF0000FF\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF1F3864\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\">"
        + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" quotePrefix=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>";

    /// <summary>A column's letters: 1 is A, 27 is AA.</summary>
    public static string Column(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Writes <paramref name="text"/> as XML text; characters XML cannot hold are left out.</summary>
    public static void Escape(TextWriter xml, string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                < ' ' when c is not ('\t' or '\n' or '\r') => "",
                '\uFFFE' or '\uFFFF' => "",
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            xml.Write(text.AsSpan(start, i - start));
            xml.Write(replacement);
            start = i + 1;
        }

        xml.Write(text.AsSpan(start));
    }

    public static string Escape(string text)
    {
        var writer = new StringWriter(new StringBuilder(text.Length + 8));
        Escape(writer, text);
        return writer.ToString();
    }
}
