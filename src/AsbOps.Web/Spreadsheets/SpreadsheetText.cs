namespace AsbOps.Web.Spreadsheets;

/// <summary>
/// Text that a spreadsheet program could read as a formula (<c>= + - @</c>, tab or CR first). Such text is written as
/// a text cell, marked with a quote prefix so that editing the cell keeps it text.
/// </summary>
public static class SpreadsheetText
{
    public static bool LooksLikeFormula(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
