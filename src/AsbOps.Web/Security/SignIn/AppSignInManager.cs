using System.Security.Claims;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Security.SignIn;

/// <summary>
/// Identity's sign-in manager, made to give nothing away: an unknown email, a disabled or locked account each cost one
/// password hash, like a wrong password for a real account, so the answer takes the same time. A disabled account's
/// session fails its security-stamp check, and a full sign-in starts the lockout doubling again.
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation,
    TimeProvider clock)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static string? _dummyHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            VerifyDummyHash(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        // Identity answers a locked or disabled account before hashing; hash anyway so the time matches.
        if (await PreSignInCheck(user) is { } refused)
        {
            VerifyDummyHash(password);
            return refused;
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && !AccountStatus.IsDisabled(user, clock.GetUtcNow()) ? user : null;
    }

    public override async Task SignInWithClaimsAsync(AppUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (UserManager is AppUserManager manager)
        {
            await manager.ForgetLockoutsAsync(user);
        }
    }

    private void VerifyDummyHash(string password)
    {
        var nobody = new AppUser { DisplayName = "", UserName = "" };
        _dummyHash ??= UserManager.PasswordHasher.HashPassword(nobody, Guid.NewGuid().ToString());
        UserManager.PasswordHasher.VerifyHashedPassword(nobody, _dummyHash, password);
    }
}
