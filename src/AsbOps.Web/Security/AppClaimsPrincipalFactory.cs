using System.Globalization;
using System.Security.Claims;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Security;

/// <summary>Puts the user's area, agency and display name into the cookie so scoping needs no database trip.</summary>
public sealed class AppClaimsPrincipalFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    MfaRequirement mfa)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaimTypes.DisplayName, user.DisplayName));
        if (user.AreaId is { } areaId)
        {
            identity.AddClaim(new Claim(AppClaimTypes.AreaId, areaId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.Agency is { } agency)
        {
            identity.AddClaim(new Claim(AppClaimTypes.Agency, agency.ToString()));
        }

        if (!user.TwoFactorEnabled && mfa.IsRequiredFor(identity.FindAll(identity.RoleClaimType).Select(c => c.Value)))
        {
            identity.AddClaim(new Claim(AppClaimTypes.MfaEnrolmentRequired, "true"));
        }

        return identity;
    }
}
