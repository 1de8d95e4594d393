using AsbOps.Web.Data.Seeding;

namespace AsbOps.Web.Features.Compliance;

/// <summary>
/// After the demo force is loaded, one sweep: its findings are what the compliance page and this week's workbook show
/// from the first sign-in, rather than after the first scheduled sweep.
/// </summary>
public sealed class DemoForceSweep(ComplianceSweepService sweep) : IDemoForceLoaded
{
    public async Task DemoForceLoadedAsync(CancellationToken cancellationToken) => await sweep.SweepAsync(cancellationToken);
}
