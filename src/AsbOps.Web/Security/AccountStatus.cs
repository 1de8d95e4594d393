using AsbOps.Web.Data;

namespace AsbOps.Web.Security;

/// <summary>
/// A user is never deleted, only disabled: Identity's lockout end set to <see cref="DateTimeOffset.MaxValue"/>. A lockout
/// after failed sign-ins lasts minutes, so anything more than a century ahead is a disabled account.
/// </summary>
public static class AccountStatus
{
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public static bool IsDisabled(AppUser user, DateTimeOffset now) =>
        user.LockoutEnd is { } end && end > now.AddYears(100);
}
