namespace AsbOps.Web.Features.Cases;

/// <summary>The columns the case list sorts by; the names are the table's sort labels.</summary>
public static class CaseListSort
{
    public const string Reference = "reference";
    public const string Opened = "opened";
    public const string Risk = "risk";
    public const string Area = "area";
    public const string Status = "status";
}
