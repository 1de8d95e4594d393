namespace AsbOps.Web.Spreadsheets;

/// <summary>What every workbook download is sent as.</summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
