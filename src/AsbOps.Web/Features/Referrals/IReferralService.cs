using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.Referrals;

/// <summary>Referrals of a case to partner agencies, and their outcomes.</summary>
public interface IReferralService
{
    /// <summary>The case's referrals for this user, or null when the case is unknown or not visible.</summary>
    Task<ReferralsPageModel?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default);

    /// <summary>Records a referral (staff of the area) and shares the case with the agency, once.</summary>
    Task<CommandResult> RecordAsync(UserScope user, long caseId, ReferralInput input, CancellationToken cancellationToken = default);

    /// <summary>Records the agency's answer or closes the referral: staff of the area, or a partner of that agency.</summary>
    Task<CommandResult> RecordOutcomeAsync(UserScope user, long referralId, ReferralOutcomeInput input, CancellationToken cancellationToken = default);
}
