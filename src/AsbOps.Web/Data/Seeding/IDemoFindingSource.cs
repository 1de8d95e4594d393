using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Says which open cases break which compliance rule now, once the demo's cases are written, so that the newest week
/// of the demo's history finds mostly what the live sweep will find (a few put right since, a few new). Data never
/// names a slice; the compliance slice registers itself.
/// </summary>
public interface IDemoFindingSource
{
    Task<IReadOnlySet<(long CaseId, ComplianceRule Rule)>> BreakingNowAsync(CancellationToken cancellationToken);
}
