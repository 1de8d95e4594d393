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
        if (IsAreaScoped(user, out var areaId))
        {
            return areaId is { } area ? cases.Where(c => c.AreaId == area) : cases;
        }

        if (user.IsPartner && user.Agency is { } agency)
        {
            return cases.Where(c => db.CaseShares.Any(s => s.CaseId == c.Id && s.Agency == agency));
        }

        return cases.Where(_ => false);
    }

    /// <summary>
    /// Whether the user's cases are those of one area or of every area: true with a null area for force-wide callers,
    /// true with their area for area staff (officers, sergeants, inspectors); false for partners (shared cases only)
    /// and anyone else (nothing). <see cref="VisibleTo"/> applies it; the case list's compiled query takes the area.
    /// </summary>
    public static bool IsAreaScoped(UserScope user, out int? areaId)
    {
        areaId = null;
        if (user.IsForceWide)
        {
            return true;
        }

        if (user.Role is Roles.Officer or Roles.Sergeant or Roles.Inspector && user.RestrictedAreaId is { } restricted)
        {
            areaId = restricted;
            return true;
        }

        return false;
    }
}
