using AsbOps.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Security;

/// <summary>
/// The single-use set-password link of an invitation or a required password change: a token of
/// <see cref="SetPasswordTokenProvider"/> on the set-password page, absolute from <c>App:BaseUrl</c>.
/// </summary>
public sealed class SetPasswordLinks(IOptions<AppOptions> app)
{
    /// <summary>The set-password page's route (a stable address: links already sent point at it).</summary>
    public const string Route = "/Account/SetPassword";

    /// <summary>A new link; it stops working once a password is set or the security stamp changes.</summary>
    public async Task<string> CreateAsync(UserManager<AppUser> users, AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return app.Value.Link($"{Route}?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}");
    }
}
