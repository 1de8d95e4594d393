using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>The edits made to an application after it is logged, as the case review page's later-edits panel calls them.</summary>
public interface ICaseReviewLaterEdits
{
    /// <summary>Records when the behaviour of one report relied on happened (the one-month rule counts from it).</summary>
    Task<CommandResult> SetBehaviourDateAsync(UserScope user, long id, int version, BehaviourDateInput input, CancellationToken cancellationToken = default);

    /// <summary>Links the application to a case of its area, or changes the link while no recommendation is on the case's plan.</summary>
    Task<CommandResult> LinkCaseAsync(UserScope user, long id, int version, CaseLinkInput input, CancellationToken cancellationToken = default);
}
