using AsbOps.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AsbOps.Web.Features.Account;

/// <summary>What a set-password attempt came to.</summary>
public enum SetPasswordOutcome
{
    Set,
    LinkNotValid,
    PasswordRefused,
}

public sealed record SetPasswordResult(SetPasswordOutcome Outcome, IReadOnlyList<string> PasswordErrors);

/// <summary>Checks set-password links and sets the password with one; the page calls it.</summary>
public sealed class PasswordSetting(UserManager<AppUser> users, ILogger<PasswordSetting> logger)
{
    /// <summary>True while the link works: the user exists, the token is theirs, unexpired and unused.</summary>
    public async Task<bool> LinkWorksAsync(string? email, string? token)
    {
        var user = await FindAsync(email, token);
        return user is not null && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<AppUser>.ResetPasswordTokenPurpose, token!);
    }

    /// <summary>Sets the password and confirms the email (the link reached that address). The token then stops working.</summary>
    public async Task<SetPasswordResult> SetAsync(string? email, string? token, string password)
    {
        var user = await FindAsync(email, token);
        if (user is null || !await LinkWorksAsync(email, token))
        {
            return new(SetPasswordOutcome.LinkNotValid, []);
        }

        user.EmailConfirmed = true;
        var result = await users.ResetPasswordAsync(user, token!, password);
        if (result.Succeeded)
        {
            logger.LogInformation("Password set through a set-password link for user {UserId}", user.Id);
            return new(SetPasswordOutcome.Set, []);
        }

        // Identity reports a bad token with this code; anything else is about the password.
        return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? new(SetPasswordOutcome.LinkNotValid, [])
            : new(SetPasswordOutcome.PasswordRefused, [.. result.Errors.Select(e => e.Description)]);
    }

    private async Task<AppUser?> FindAsync(string? email, string? token) =>
        string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(token) ? null : await users.FindByEmailAsync(email.Trim());
}
