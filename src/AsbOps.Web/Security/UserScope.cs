using System.Globalization;
using System.Security.Claims;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Security.ApiKeys;

namespace AsbOps.Web.Security;

/// <summary>
/// What a caller may see and act on, the one scope rule of the UI, the API and the hub: force-wide roles and machine
/// clients (an API key, limited by its scopes instead) every area; officers, sergeants and inspectors their own area
/// only (and nothing when they have none); partners only the cases shared with their agency.
/// </summary>
public sealed record UserScope(string UserId, string UserName, string Role, int? AreaId, Agency? Agency)
{
    /// <summary>An area id no area has: what an area-bound caller without an area is limited to.</summary>
    public const int NoArea = -1;

    /// <summary>A system talking to the API with a key, not a person.</summary>
    public bool IsMachineClient { get; init; }

    public bool IsForceWide => IsMachineClient || Roles.IsForceWide(Role);

    public bool IsPartner => Role == Roles.Partner;

    /// <summary>
    /// The area the caller is limited to, or null when they see every area (partners are limited by shares instead).
    /// Area-bound staff without an area are limited to <see cref="NoArea"/>, which matches nothing.
    /// </summary>
    public int? RestrictedAreaId => IsForceWide || IsPartner ? null : AreaId ?? NoArea;

    /// <summary>Whether the caller may act on (log, send, read the incidents of) the area: force-wide callers any, area staff their own.</summary>
    public bool MayActInArea(int areaId) => IsForceWide || (!IsPartner && RestrictedAreaId == areaId);

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
            Enum.TryParse<Agency>(agency, out var parsed) ? parsed : null)
        {
            IsMachineClient = principal.HasClaim(c => c.Type == ApiScopes.ClientClaimType),
        };
    }
}
