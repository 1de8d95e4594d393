using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Security.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,
    NeedsCode,
    Failed,
    Throttled,
    CodeStepExpired,

    /// <summary>Password sign-in is switched off (<c>Authentication:LocalAccounts=false</c>): only single sign-on.</summary>
    PasswordsOff,
}

public sealed record SignInAttempt(SignInOutcome Outcome, TimeSpan? RetryAfter = null);

/// <summary>
/// The two sign-in steps the pages call: the password, then (for users with two-step verification) a code from the
/// authenticator app or a recovery code. A client address over its failure limit is refused before anything is checked;
/// every failure counts against it.
/// </summary>
public sealed class SignInFlow(
    SignInManager<AppUser> signIn,
    SignInThrottle throttle,
    IOptions<AsbOpsAuthenticationOptions> options,
    ILogger<SignInFlow> logger)
{
    public bool PasswordsAllowed => options.Value.LocalAccounts;

    public async Task<SignInAttempt> PasswordAsync(HttpContext http, string email, string password)
    {
        if (!PasswordsAllowed)
        {
            logger.LogWarning("Password sign-in refused: Authentication:LocalAccounts is false");
            return new(SignInOutcome.PasswordsOff);
        }

        var address = SignInThrottle.AddressOf(http);
        if (throttle.RetryAfter(address) is { } wait)
        {
            return Throttled(address, wait);
        }

        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in");
            return new(SignInOutcome.SignedIn);
        }

        if (result.RequiresTwoFactor)
        {
            return new(SignInOutcome.NeedsCode);
        }

        throttle.RecordFailure(address);
        return new(SignInOutcome.Failed);
    }

    /// <summary>Six digits are an authenticator code; anything else is tried as a recovery code (each works once).</summary>
    public async Task<SignInAttempt> CodeAsync(HttpContext http, string code)
    {
        var address = SignInThrottle.AddressOf(http);
        if (throttle.RetryAfter(address) is { } wait)
        {
            return Throttled(address, wait);
        }

        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return new(SignInOutcome.CodeStepExpired);
        }

        var compact = new string([.. code.Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToUpperInvariant();
        var result = compact.Length == 6 && compact.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(compact, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(compact.Length == 10 ? $"{compact[..5]}-{compact[5..]}" : compact);
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in with a second factor");
            return new(SignInOutcome.SignedIn);
        }

        throttle.RecordFailure(address);
        return new(SignInOutcome.Failed);
    }

    /// <summary>True while a password has been accepted and its code is awaited (Identity's short-lived cookie).</summary>
    public async Task<bool> CodeStepOpenAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    private SignInAttempt Throttled(string address, TimeSpan wait)
    {
        logger.LogWarning("Sign-in refused: too many failures from {Address}", address);
        return new(SignInOutcome.Throttled, wait);
    }

    /// <summary>"Try again in N minutes", rounded up.</summary>
    public static string WaitText(TimeSpan? wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((wait ?? TimeSpan.Zero).TotalMinutes));
        return minutes == 1 ? "a minute" : $"{minutes} minutes";
    }
}
