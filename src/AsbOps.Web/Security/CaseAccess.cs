using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Security;

/// <summary>
/// Which cases a user may see, as a query filter: force-wide roles every case, area staff their own area, partners
/// only cases shared with their agency. Anyone else (no role, or staff without an area) sees nothing.
/// </summary>
public static class CaseAccess
{
    public static IQueryable<AsbCase> VisibleTo(this IQueryable<AsbCase> cases, AsbOpsDbContext db, UserScope user)
    {
        if (user.IsForceWide)
        {
            return cases;
        }

        if (user.IsPartner)
        {
            if (user.Agency is not { } agency)
            {
                return cases.Where(_ => false);
            }

            return cases.Where(c => db.CaseShares.Any(s => s.CaseId == c.Id && s.Agency == agency));
        }

        if (user.Role is Roles.Officer or Roles.Sergeant or Roles.Inspector && user.RestrictedAreaId is { } areaId)
        {
            return cases.Where(c => c.AreaId == areaId);
        }

        return cases.Where(_ => false);
    }
}
