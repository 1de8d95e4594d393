namespace AsbOps.Web.Features.Cases.Export;

/// <summary>Section <c>Exports</c>: the most case rows one bulk export writes.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    public int MaxRows { get; set; } = 100_000;
}
