namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Told when the demo force has been written, so that a slice can bring what it derives up to date (the compliance
/// slice takes a sweep, so that the live counters and this week's workbook start from the demo's findings). Data never
/// names a slice; the slice registers itself.
/// </summary>
public interface IDemoForceLoaded
{
    Task DemoForceLoadedAsync(CancellationToken cancellationToken);
}
