using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.Cases;

/// <summary>Changing a case's lead officer (its area's sergeant or inspector, or an admin).</summary>
public interface ILeadOfficerService
{
    /// <summary>The case's lead officer and the area's officers, or null when unknown, not visible, or not the user's to reassign.</summary>
    Task<LeadOfficerState?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default);

    /// <summary>Gives the case to another officer of its area; audited, both officers told, its open findings follow.</summary>
    Task<CommandResult> ReassignAsync(UserScope user, long caseId, ReassignInput input, CancellationToken cancellationToken = default);
}
