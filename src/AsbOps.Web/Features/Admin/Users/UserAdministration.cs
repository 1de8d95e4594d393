using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Email;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Admin.Users;

/// <summary>A user as the edit form shows them.</summary>
public sealed record UserDetail(
    string Id, string Email, string DisplayName, string? CollarNumber, string Role, int? AreaId, Agency? Agency, string ConcurrencyStamp,
    bool Disabled, DateTimeOffset? LockedOutUntil, bool HasPassword, bool TwoFactorEnabled)
{
    public UserInput ToInput() => new()
    {
        Id = Id,
        Email = Email,
        DisplayName = DisplayName,
        CollarNumber = CollarNumber,
        Role = Role,
        AreaId = AreaId,
        Agency = Agency,
        ConcurrencyStamp = ConcurrencyStamp,
    };
}

/// <summary>
/// What an administrator does to users: invite, edit, disable and re-enable (never delete), unlock, reset MFA and
/// require a new password. Each action runs in its own scope and transaction, names the administrator in the audit
/// trail, and is refused as a conflict when the user changed since the page read them (Identity's concurrency stamp).
/// </summary>
public sealed partial class UserAdministration(IServiceScopeFactory scopes, EmailOutbox outbox, SetPasswordLinks links, TimeProvider clock)
{
    public const string SelfDisableMessage = "You cannot disable your own account; ask another administrator.";
    public const string SelfDemoteMessage = "You cannot take away your own administrator role; ask another administrator.";

    public async Task<UserDetail?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsbOpsDbContext>();
        var now = clock.GetUtcNow();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return user is null
            ? null
            : new UserDetail(user.Id, user.Email ?? "", user.DisplayName, user.CollarNumber, user.PrimaryRole, user.AreaId, user.Agency,
                user.ConcurrencyStamp ?? "", AccountStatus.IsDisabled(user, now),
                user.LockoutEnd > now && !AccountStatus.IsDisabled(user, now) ? user.LockoutEnd : null,
                user.PasswordHash is not null, user.TwoFactorEnabled);
    }

    /// <summary>The areas a user may be put in: open ones only.</summary>
    public async Task<IReadOnlyList<AreaInfo>> OpenAreasAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AsbOpsDbContext>();
        return await OpenAreasAsync(db, cancellationToken);
    }

    /// <summary>
    /// Creates the user without a password (nobody can sign in as them until they set one) and emails a single-use
    /// set-password link through the outbox.
    /// </summary>
    public async Task<CommandResult> InviteAsync(UserScope admin, UserInput input, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Open(scope, admin);
        var errors = UserRules.Check(input, (await OpenAreasAsync(db, cancellationToken)).Select(a => a.Id).ToHashSet(), inviting: true);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var email = input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return CommandResult.Invalid(new Dictionary<string, string> { [nameof(UserInput.Email)] = "A user with this email already exists; find them in the list." });
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new AppUser { UserName = email, Email = email, DisplayName = "" };
        Apply(user, input);
        Require(await users.CreateAsync(user));
        Require(await users.AddToRoleAsync(user, user.PrimaryRole));
        await SendLinkAsync(users, db, user, admin, invitation: true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Saved();
    }

    /// <summary>Saves name, collar number, role, area and agency. A role change ends the user's sessions (new security stamp).</summary>
    public Task<CommandResult> UpdateAsync(UserScope admin, UserInput input, CancellationToken cancellationToken = default) =>
        ActAsync(admin, input.Id, input.ConcurrencyStamp, async (users, db, user) =>
        {
            var errors = UserRules.Check(input, (await OpenAreasAsync(db, cancellationToken)).Select(a => a.Id).ToHashSet(), inviting: false);
            if (user.Id == admin.UserId && input.Role != Roles.Admin)
            {
                errors = new Dictionary<string, string[]>(errors) { [nameof(UserInput.Role)] = [SelfDemoteMessage] };
            }

            if (errors.Count > 0)
            {
                return Invalid(errors);
            }

            var oldRole = user.PrimaryRole;
            Apply(user, input);
            Require(await users.UpdateAsync(user));
            if (oldRole != user.PrimaryRole)
            {
                var held = await users.GetRolesAsync(user);
                Require(await users.RemoveFromRolesAsync(user, held));
                Require(await users.AddToRoleAsync(user, user.PrimaryRole));
                Require(await users.UpdateSecurityStampAsync(user));
            }

            return CommandResult.Saved();
        }, cancellationToken);

    /// <summary>Disables the account: sign-in is refused and existing sessions end. The user and their history stay.</summary>
    public Task<CommandResult> DisableAsync(UserScope admin, string id, string? stamp, CancellationToken cancellationToken = default) =>
        ActAsync(admin, id, stamp, async (users, _, user) =>
        {
            if (user.Id == admin.UserId)
            {
                return CommandResult.Refused(SelfDisableMessage);
            }

            Require(await users.SetLockoutEnabledAsync(user, true));
            Require(await users.SetLockoutEndDateAsync(user, AccountStatus.DisabledUntil));
            Require(await users.UpdateSecurityStampAsync(user));
            return CommandResult.Saved();
        }, cancellationToken);

    /// <summary>Re-enables a disabled account, or unlocks one locked after failed sign-ins; the failure count starts again.</summary>
    public Task<CommandResult> EnableAsync(UserScope admin, string id, string? stamp, CancellationToken cancellationToken = default) =>
        ActAsync(admin, id, stamp, async (users, _, user) =>
        {
            Require(await users.SetLockoutEndDateAsync(user, null));
            Require(await users.ResetAccessFailedCountAsync(user));
            return CommandResult.Saved();
        }, cancellationToken);

    /// <summary>Removes the authenticator: 2FA off, a new authenticator key, no recovery codes. The user enrols again.</summary>
    public Task<CommandResult> ResetMfaAsync(UserScope admin, string id, string? stamp, CancellationToken cancellationToken = default) =>
        ActAsync(admin, id, stamp, async (users, db, user) =>
        {
            var wasOn = user.TwoFactorEnabled;
            Require(await users.SetTwoFactorEnabledAsync(user, false));
            Require(await users.ResetAuthenticatorKeyAsync(user));
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            Require(await users.UpdateSecurityStampAsync(user));
            AdminAudit.Record(db, admin, Now, nameof(AppUser), user.Id, "MfaReset",
                wasOn ? "authenticator enrolled" : "no authenticator", "authenticator key and recovery codes removed");
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved();
        }, cancellationToken);

    /// <summary>
    /// Withdraws the password (sessions end, sign-in with it stops) and emails a single-use link to set a new one. For a
    /// user who never set a password, it sends a fresh invitation link.
    /// </summary>
    public Task<CommandResult> RequirePasswordChangeAsync(UserScope admin, string id, string? stamp, CancellationToken cancellationToken = default) =>
        ActAsync(admin, id, stamp, async (users, db, user) =>
        {
            if (user.Id == admin.UserId)
            {
                return CommandResult.Refused("You cannot withdraw your own password here; another administrator can.");
            }

            var hadPassword = user.PasswordHash is not null;
            if (hadPassword)
            {
                Require(await users.RemovePasswordAsync(user));
            }

            await SendLinkAsync(users, db, user, admin, invitation: !hadPassword, cancellationToken);
            return CommandResult.Saved();
        }, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<CommandResult> ActAsync(
        UserScope admin, string id, string? stamp, Func<UserManager<AppUser>, AsbOpsDbContext, AppUser, Task<CommandResult>> action,
        CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (users, db) = Open(scope, admin);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return new CommandResult(CommandOutcome.NotFound, CommandResult.NoErrors, "No such user.");
        }

        if (stamp is not null && user.ConcurrencyStamp != stamp)
        {
            return CommandResult.Conflict();
        }

        try
        {
            var result = await action(users, db, user);
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        catch (IdentityFailure failure) when (failure.IsConcurrency)
        {
            return CommandResult.Conflict();
        }
    }

    private (UserManager<AppUser> Users, AsbOpsDbContext Db) Open(AsyncServiceScope scope, UserScope admin)
    {
        var db = scope.ServiceProvider.GetRequiredService<AsbOpsDbContext>();
        db.AuditActor = new AuditActor(string.IsNullOrEmpty(admin.UserId) ? null : admin.UserId, admin.UserName);
        db.Clock = clock;
        return (scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), db);
    }

    private async Task SendLinkAsync(UserManager<AppUser> users, AsbOpsDbContext db, AppUser user, UserScope admin, bool invitation, CancellationToken cancellationToken)
    {
        var link = await links.CreateAsync(users, user);
        outbox.Enqueue(db, UserEmails.SetPassword(user, link, invitation, admin.UserName, Guid.NewGuid()));
        AdminAudit.Record(db, admin, Now, nameof(AppUser), user.Id, invitation ? "Invitation" : "PasswordChangeRequired", null,
            $"set-password link emailed to {user.Email}");
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Apply(AppUser user, UserInput input)
    {
        user.DisplayName = input.DisplayName.Trim();
        user.CollarNumber = string.IsNullOrWhiteSpace(input.CollarNumber) ? null : input.CollarNumber.Trim();
        user.PrimaryRole = input.Role;
        user.AreaId = UserRules.NeedsArea(input.Role) ? input.AreaId : null;
        user.Agency = input.Role == Roles.Partner ? input.Agency : null;
    }

    private static Task<List<AreaInfo>> OpenAreasAsync(AsbOpsDbContext db, CancellationToken cancellationToken) =>
        db.Areas.AsNoTracking().Where(a => a.RetiredAt == null).OrderBy(a => a.Name)
            .Select(a => new AreaInfo(a.Id, a.Code, a.Name)).ToListAsync(cancellationToken);

    private static CommandResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        CommandResult.Invalid(errors.ToDictionary(e => e.Key, e => e.Value[0], StringComparer.Ordinal));

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new IdentityFailure(result);
        }
    }

    /// <summary>An Identity call that failed; a concurrency failure is reported as a conflict, anything else is a bug.</summary>
    private sealed class IdentityFailure(IdentityResult result)
        : InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)))
    {
        public bool IsConcurrency { get; } = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));
    }
}
