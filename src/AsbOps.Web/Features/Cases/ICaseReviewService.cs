using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.Cases;

/// <summary>The sergeant's review of a case, and closing it.</summary>
public interface ICaseReviewService
{
    /// <summary>The case's status and version, or null when unknown or not visible to the user.</summary>
    Task<CaseStateModel?> GetStateAsync(UserScope user, string? reference, CancellationToken cancellationToken = default);

    /// <summary>Marks the case reviewed now: the next review follows the cadence of its current level.</summary>
    Task<CommandResult> ReviewAsync(UserScope user, long caseId, ReviewInput input, CancellationToken cancellationToken = default);

    /// <summary>Closes the case with a reason and ends its markers, in one transaction.</summary>
    Task<CommandResult> CloseAsync(UserScope user, long caseId, CloseInput input, CancellationToken cancellationToken = default);
}
