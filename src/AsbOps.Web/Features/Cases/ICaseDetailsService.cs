using AsbOps.Web.Security;

namespace AsbOps.Web.Features.Cases;

/// <summary>The read-only case page's data, and the audit of who viewed it.</summary>
public interface ICaseDetailsService
{
    /// <summary>
    /// The case, or null when the reference is malformed, unknown, or names a case the user may not see: the three
    /// are deliberately indistinguishable, so the page never reveals that a case exists.
    /// </summary>
    Task<CaseDetails?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default);

    /// <summary>Writes one "viewed" audit entry for the case.</summary>
    Task RecordViewAsync(UserScope user, long caseId, CancellationToken cancellationToken = default);
}
