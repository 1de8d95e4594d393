using AsbOps.Web.Data.Seeding;

namespace AsbOps.Web.Features.Compliance;

/// <summary>
/// After the demo force is loaded, the lives of its history's findings, then one sweep: its findings are what the
/// compliance page and this week's workbook show from the first sign-in, rather than after the first scheduled sweep,
/// and they carry on the lives the history began.
/// </summary>
public sealed class DemoForceSweep(ComplianceSweepService sweep) : IDemoForceLoaded
{
    public async Task DemoForceLoadedAsync(CancellationToken cancellationToken)
    {
        await sweep.RebuildLivesFromHistoryAsync(cancellationToken);
        await sweep.SweepAsync(cancellationToken);
    }
}
