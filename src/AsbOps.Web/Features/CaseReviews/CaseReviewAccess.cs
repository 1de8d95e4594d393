using AsbOps.Domain.CaseReviews;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>
/// Who reaches case review applications: staff, each within the one scope rule (<see cref="UserScope"/>: area staff
/// their own area, force-wide roles every area); partners never. Logging and running the steps is for the area's
/// officers, sergeant and inspector (or an admin); overriding the threshold check and deciding for the sergeant or
/// inspector (or an admin).
/// </summary>
public static class CaseReviewAccess
{
    public const string Readers = Roles.Staff;

    public static IQueryable<CaseReviewApplication> VisibleTo(this IQueryable<CaseReviewApplication> applications, UserScope user)
    {
        if (user.IsPartner || !Roles.All.Contains(user.Role) && !user.IsMachineClient)
        {
            return applications.Where(_ => false);
        }

        var restricted = user.RestrictedAreaId;
        return restricted is null ? applications : applications.Where(a => a.AreaId == restricted);
    }

    public static bool CanEdit(UserScope user) => CaseManagementRoles.CanEditPlan(user);

    public static bool CanDecide(UserScope user) => CaseManagementRoles.CanReview(user);
}
