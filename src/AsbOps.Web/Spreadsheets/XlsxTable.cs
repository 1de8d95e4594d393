namespace AsbOps.Web.Spreadsheets;

/// <summary>
/// One table on an <see cref="XlsxSheet"/>: a styled header row, then typed rows (text, whole numbers, dates, links);
/// on <see cref="Finish"/> the sheet's filter when the table starts on row 1. The streaming twin of
/// <see cref="SheetTable"/>.
/// </summary>
internal sealed class XlsxTable
{
    private readonly XlsxSheet _sheet;
    private readonly int _firstRow;
    private readonly int _columns;

    public XlsxTable(XlsxSheet sheet, IReadOnlyList<string> headers, int firstRow = 1)
    {
        _sheet = sheet;
        _firstRow = firstRow;
        _columns = headers.Count;
        sheet.Row(firstRow, [.. headers], header: true);
    }

    public int LastRow => _sheet.LastRow;

    public void Row(params object?[] values) => _sheet.Row(_sheet.LastRow + 1, values);

    /// <summary>Filters the table (for a table on row 1; a sheet has one filter). The header row is frozen already.</summary>
    public void Finish()
    {
        if (_firstRow == 1)
        {
            _sheet.SetFilter(_columns, _sheet.LastRow);
        }
    }
}
