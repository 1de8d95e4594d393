using AsbOps.Web.Security;

namespace AsbOps.Web.Security;

/// <summary>
/// Who may change what on a case. Which cases a user reaches at all is <c>CaseAccess.VisibleTo</c> (own area for area
/// staff, every area for force-wide roles); these checks narrow that to the roles allowed to act.
/// </summary>
public static class CaseManagementRoles
{
    /// <summary>Keep the action plan and record referrals: the area's officers, sergeant and inspector, or an admin.</summary>
    public const string PlanEditors = "officer,sergeant,inspector,admin";

    /// <summary>Review and close cases.</summary>
    public const string Reviewers = "sergeant,inspector,admin";

    public static bool CanEditPlan(UserScope user) =>
        user.Role == Roles.Admin || (user.Role is Roles.Officer or Roles.Sergeant or Roles.Inspector && user.RestrictedAreaId is not null);

    public static bool CanReview(UserScope user) =>
        user.Role == Roles.Admin || (user.Role is Roles.Sergeant or Roles.Inspector && user.RestrictedAreaId is not null);

    /// <summary>
    /// Change a case's lead officer: the sergeant or inspector of its area (their scope limits them to it), or an admin
    /// (force-wide). Officers, compliance officers, analysts and partners cannot.
    /// </summary>
    public static bool CanReassign(UserScope user) => CanReview(user);

    /// <summary>A partner user with an agency may record outcomes of referrals to that agency, and nothing else.</summary>
    public static bool IsPartnerOf(UserScope user, AsbOps.Domain.Referrals.Agency agency) => user.IsPartner && user.Agency == agency;
}
