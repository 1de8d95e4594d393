using System.Globalization;
using System.Security.Claims;
using AsbOps.Domain.Referrals;

namespace AsbOps.Web.Security;

/// <summary>
/// What a signed-in user may see: force-wide roles see every area, other staff their own area, partners only the
/// cases shared with their agency.
/// </summary>
public sealed record UserScope(string UserId, string UserName, string Role, int? AreaId, Agency? Agency)
{
    public bool IsForceWide => Roles.IsForceWide(Role);

    public bool IsPartner => Role == Roles.Partner;

    /// <summary>The area the user is limited to, or null when they see every area.</summary>
    public int? RestrictedAreaId => IsForceWide || IsPartner ? null : AreaId;

    public static UserScope FromPrincipal(ClaimsPrincipal principal)
    {
        var role = Roles.All.FirstOrDefault(principal.IsInRole) ?? "";
        var area = principal.FindFirstValue(AppClaimTypes.AreaId);
        var agency = principal.FindFirstValue(AppClaimTypes.Agency);
        return new UserScope(
            principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            principal.FindFirstValue(ClaimTypes.Name) ?? "",
            role,
            int.TryParse(area, NumberStyles.Integer, CultureInfo.InvariantCulture, out var areaId) ? areaId : null,
            Enum.TryParse<Agency>(agency, out var parsed) ? parsed : null);
    }
}
