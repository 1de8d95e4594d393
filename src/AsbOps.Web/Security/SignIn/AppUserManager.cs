using System.Globalization;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Security.SignIn;

/// <summary>
/// Identity's user manager with three changes: lockout reads the injected clock; each lockout lasts twice as long as the
/// one before (<see cref="SignInLimitOptions"/>; the count is kept as a user token and cleared by a full sign-in or an
/// unlock); and a role change or disabling changes the security stamp, so the user's open sessions end at once.
/// </summary>
public sealed class AppUserManager(
    IUserStore<AppUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AppUser> passwordHasher,
    IEnumerable<IUserValidator<AppUser>> userValidators,
    IEnumerable<IPasswordValidator<AppUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AppUser>> logger,
    IOptions<SignInLimitOptions> limits,
    TimeProvider clock)
    : UserManager<AppUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    /// <summary>Where the number of earlier lockouts is kept (AspNetUserTokens).</summary>
    public const string TokenProvider = "AsbOps";

    public const string LockoutsTokenName = "Lockouts";

    private IUserLockoutStore<AppUser> LockoutStore =>
        Store as IUserLockoutStore<AppUser> ?? throw new NotSupportedException("The user store does not support lockout.");

    public override async Task<bool> IsLockedOutAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!SupportsUserLockout || !await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken))
        {
            return false;
        }

        return await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken) is { } end && end >= clock.GetUtcNow();
    }

    public override async Task<IdentityResult> AccessFailedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var failures = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (failures < limits.Value.FailuresBeforeLockout || AccountStatus.IsDisabled(user, clock.GetUtcNow()))
        {
            return await UpdateUserAsync(user);
        }

        var earlier = await LockoutsAsync(user);
        var lockout = limits.Value.LockoutAfter(earlier);
        await LockoutStore.SetLockoutEndDateAsync(user, clock.GetUtcNow().Add(lockout), CancellationToken);
        await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        Logger.LogWarning("User {UserId} locked out for {Minutes} minutes after {Failures} failed sign-ins (lockout {Number})",
            user.Id, lockout.TotalMinutes, failures, earlier + 1);
        // Saves the lockout and the count together.
        return await SetAuthenticationTokenAsync(user, TokenProvider, LockoutsTokenName, (earlier + 1).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>An unlock (an end in the past or none) also forgets earlier lockouts; disabling ends every session.</summary>
    public override async Task<IdentityResult> SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd)
    {
        var result = await base.SetLockoutEndDateAsync(user, lockoutEnd);
        if (!result.Succeeded)
        {
            return result;
        }

        var now = clock.GetUtcNow();
        if (lockoutEnd is null || lockoutEnd <= now)
        {
            return await ForgetLockoutsAsync(user);
        }

        return AccountStatus.IsDisabled(user, now) ? await UpdateSecurityStampAsync(user) : result;
    }

    /// <summary>Called on every full sign-in: the doubling starts again.</summary>
    public async Task<IdentityResult> ForgetLockoutsAsync(AppUser user) =>
        await GetAuthenticationTokenAsync(user, TokenProvider, LockoutsTokenName) is null
            ? IdentityResult.Success
            : await RemoveAuthenticationTokenAsync(user, TokenProvider, LockoutsTokenName);

    /// <summary>How many times the account has been locked since its last full sign-in or unlock.</summary>
    public async Task<int> LockoutsAsync(AppUser user) =>
        int.TryParse(await GetAuthenticationTokenAsync(user, TokenProvider, LockoutsTokenName), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : 0;

    public override Task<IdentityResult> AddToRoleAsync(AppUser user, string role) =>
        ThenNewStampAsync(user, base.AddToRoleAsync(user, role));

    public override Task<IdentityResult> AddToRolesAsync(AppUser user, IEnumerable<string> roles) =>
        ThenNewStampAsync(user, base.AddToRolesAsync(user, roles));

    public override Task<IdentityResult> RemoveFromRoleAsync(AppUser user, string role) =>
        ThenNewStampAsync(user, base.RemoveFromRoleAsync(user, role));

    public override Task<IdentityResult> RemoveFromRolesAsync(AppUser user, IEnumerable<string> roles) =>
        ThenNewStampAsync(user, base.RemoveFromRolesAsync(user, roles));

    private async Task<IdentityResult> ThenNewStampAsync(AppUser user, Task<IdentityResult> change)
    {
        var result = await change;
        return result.Succeeded ? await UpdateSecurityStampAsync(user) : result;
    }
}
