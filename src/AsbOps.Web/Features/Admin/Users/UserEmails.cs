using System.Net;
using AsbOps.Web.Data;
using AsbOps.Web.Email;

namespace AsbOps.Web.Features.Admin.Users;

/// <summary>The invitation and password-change emails: each carries a single-use set-password link.</summary>
public static class UserEmails
{
    public static OutgoingEmail SetPassword(AppUser user, string link, bool invitation, string adminName, Guid unique)
    {
        var subject = invitation ? "You have been invited to AsbOps" : "Set a new password for AsbOps";
        var lead = invitation
            ? $"{adminName} has given you an AsbOps account ({user.Email}). Set your password to sign in:"
            : $"{adminName} has asked you to set a new AsbOps password. Your old password no longer works. Set a new one here:";
        const string Expiry = "The link works once and expires; if it has, ask an administrator for a new one.";
        return new OutgoingEmail(
            $"set-password:{user.Id}:{unique:N}",
            user.Email!,
            subject,
            $"{lead}\n\n{link}\n\n{Expiry}\n",
            $"<p>{WebUtility.HtmlEncode(lead)}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Set your password</a></p><p>{Expiry}</p>");
    }
}
