using System.Security.Cryptography;
using System.Text;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Security;

/// <summary>
/// The token behind a set-password link (first administrator, later invitations and resets). It expires after
/// <c>Authentication:SetPasswordLinkHours</c> and works once: it carries the user's security stamp, which changes when
/// the password is set. Identity's <see cref="DataProtectorTokenProvider{TUser}"/> does the same but reads the system
/// clock; this one reads the injected <see cref="TimeProvider"/>, so expiry is tested without waiting.
/// </summary>
public sealed class SetPasswordTokenProvider(
    IDataProtectionProvider dataProtection,
    IOptions<AsbOpsAuthenticationOptions> options,
    TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string ProviderName = "SetPassword";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("AsbOps.SetPasswordToken");

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        using var stream = new MemoryStream();
        await using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(user.Id);
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user));
        }

        // URL-safe, so the token goes into a link as it is.
        return WebEncoders.Base64UrlEncode(_protector.Protect(stream.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        byte[] payload;
        try
        {
            payload = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var lifespan = TimeSpan.FromHours(options.Value.SetPasswordLinkHours);
            return created + lifespan >= clock.GetUtcNow()
                && reader.ReadString() == user.Id
                && reader.ReadString() == purpose
                && reader.ReadString() == await manager.GetSecurityStampAsync(user);
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);
}
