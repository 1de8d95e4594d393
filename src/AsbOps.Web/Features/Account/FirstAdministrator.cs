using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Account;

/// <summary>What <c>--create-admin</c> did.</summary>
public enum CreateAdminOutcome
{
    Created,
    ReEnabled,
    LinkRenewed,
    NotAnEmailAddress,
    AlreadyActive,
    NotAnAdministrator,
    Refused,
}

/// <summary>What <c>--create-admin</c> did: a set-password link, or why nothing was done.</summary>
public sealed record CreateAdminResult(CreateAdminOutcome Outcome, string Message, string? Link = null)
{
    public bool Succeeded => Outcome is CreateAdminOutcome.Created or CreateAdminOutcome.ReEnabled or CreateAdminOutcome.LinkRenewed;
}

/// <summary>
/// The first administrator of a force, made from the command line: creates the user with the admin role (or re-enables
/// a disabled administrator, or renews the link of one who never set a password) and returns a single-use link to set a
/// password. Refuses an active administrator and a user who is not an administrator, changing nothing.
/// </summary>
public sealed class FirstAdministrator(
    UserManager<AppUser> users,
    AsbOpsDbContext db,
    IOptions<AppOptions> app,
    TimeProvider clock,
    ILogger<FirstAdministrator> logger)
{
    /// <summary>The exact command the start-up warning and the README give.</summary>
    public const string Command = "dotnet AsbOps.Web.dll --create-admin EMAIL";

    public async Task<CreateAdminResult> CreateOrEnableAsync(string email, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        if (!IsEmailAddress(email))
        {
            return new(CreateAdminOutcome.NotAnEmailAddress, $"'{email}' is not an email address. Give the administrator's address, such as admin@force.police.uk.");
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByEmailAsync(email);
        CreateAdminOutcome outcome;
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, DisplayName = "Administrator", PrimaryRole = Roles.Admin };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return new(CreateAdminOutcome.Refused, $"Could not create {email}: {Describe(created)}");
            }

            Require(await users.AddToRoleAsync(user, Roles.Admin));
            outcome = CreateAdminOutcome.Created;
        }
        else if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            return new(CreateAdminOutcome.NotAnAdministrator, $"{email} is a user without the administrator role; nothing was changed. "
                + "An administrator can give the role, or run --create-admin with another address.");
        }
        else if (AccountStatus.IsDisabled(user, now))
        {
            Require(await users.SetLockoutEndDateAsync(user, null));
            Require(await users.ResetAccessFailedCountAsync(user));
            outcome = CreateAdminOutcome.ReEnabled;
        }
        else if (await users.HasPasswordAsync(user))
        {
            return new(CreateAdminOutcome.AlreadyActive, $"{email} is already an active administrator; nothing was changed. Sign in with its password.");
        }
        else
        {
            outcome = CreateAdminOutcome.LinkRenewed;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        await transaction.CommitAsync(cancellationToken);
        var done = outcome switch
        {
            CreateAdminOutcome.Created => "Created administrator",
            CreateAdminOutcome.ReEnabled => "Re-enabled administrator",
            _ => "New set-password link for administrator",
        };
        logger.LogWarning("{Done} {Email} from the command line", done, email);
        return new(outcome, $"{done} {email}.", SetPasswordLink(email, token));
    }

    /// <summary>True when no administrator can sign in: none exists, or every one is disabled or has no password yet.</summary>
    public async Task<bool> NoneCanSignInAsync()
    {
        var now = clock.GetUtcNow();
        return !(await users.GetUsersInRoleAsync(Roles.Admin)).Any(u => !AccountStatus.IsDisabled(u, now) && u.PasswordHash is not null);
    }

    public string SetPasswordLink(string email, string token) =>
        app.Value.Link($"{SetPasswordPage.Route}?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}");

    private static bool IsEmailAddress(string email) =>
        email.Length <= 256
        && new EmailAddressAttribute().IsValid(email)
        && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(Describe(result));
        }
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
