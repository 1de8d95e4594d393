using System.Security.Claims;
using System.Text;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace AsbOps.Web.Features.Account;

/// <summary>The shared key as the user types it and as the QR code carries it.</summary>
public sealed record AuthenticatorKey(string Key, string FormattedKey, string OtpAuthUri, string QrCodeDataUrl);

/// <summary>Where a user's two-step verification stands.</summary>
public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

/// <summary>
/// Two-step verification with an authenticator app (TOTP, RFC 6238, Identity's authenticator provider): the shared key
/// and its QR code, turning it on with a first code, ten recovery codes shown once, turning it off where the role
/// allows. Every change renews the caller's sign-in, since it changes the security stamp that ends other sessions.
/// </summary>
public sealed class TwoFactorEnrolment(UserManager<AppUser> users, SignInManager<AppUser> signIn, MfaRequirement requirement)
{
    public const string Issuer = "AsbOps";

    public const int RecoveryCodeCount = 10;

    public async Task<TwoFactorStatus> StatusAsync(ClaimsPrincipal principal)
    {
        var user = await RequireUserAsync(principal);
        return new(user.TwoFactorEnabled, requirement.IsRequiredFor(await users.GetRolesAsync(user)),
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    /// <summary>The user's key, made on first use (which changes the stamp, so the sign-in is renewed).</summary>
    public async Task<AuthenticatorKey> KeyAsync(ClaimsPrincipal principal)
    {
        var user = await RequireUserAsync(principal);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await Require(users.ResetAuthenticatorKeyAsync(user));
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was made.");
        }

        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id);
        var uri = $"otpauth://totp/{Issuer}:{account}?secret={key}&issuer={Issuer}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new(key, Format(key), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Turns two-step verification on when the code matches the key; returns the recovery codes, or null.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ClaimsPrincipal principal, string code)
    {
        var user = await RequireUserAsync(principal);
        var compact = new string([.. code.Where(char.IsAsciiDigit)]);
        if (compact.Length != 6
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, compact))
        {
            return null;
        }

        await Require(users.SetTwoFactorEnabledAsync(user, true));
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount)
            ?? throw new InvalidOperationException("No recovery codes were made.");
        await signIn.RefreshSignInAsync(user);
        return [.. codes];
    }

    /// <summary>Ten new recovery codes; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        var user = await RequireUserAsync(principal);
        if (!user.TwoFactorEnabled)
        {
            return [];
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        return [.. codes];
    }

    /// <summary>Turns it off, unless the user's role requires it. The key is forgotten, so turning it on again needs a new one.</summary>
    public async Task<bool> DisableAsync(ClaimsPrincipal principal)
    {
        var user = await RequireUserAsync(principal);
        if (requirement.IsRequiredFor(await users.GetRolesAsync(user)))
        {
            return false;
        }

        await Require(users.SetTwoFactorEnabledAsync(user, false));
        await Require(users.ResetAuthenticatorKeyAsync(user));
        await signIn.RefreshSignInAsync(user);
        return true;
    }

    /// <summary>Changes the password (the new one meets the same rules as any other) and keeps this session signed in.</summary>
    public async Task<IdentityResult> ChangePasswordAsync(ClaimsPrincipal principal, string current, string next)
    {
        var user = await RequireUserAsync(principal);
        var result = await users.ChangePasswordAsync(user, current, next);
        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
        }

        return result;
    }

    private async Task<AppUser> RequireUserAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in user no longer exists.");

    private static async Task Require(Task<IdentityResult> change)
    {
        var result = await change;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Groups of four, lower case, as authenticator apps show a typed key.</summary>
    private static string Format(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
