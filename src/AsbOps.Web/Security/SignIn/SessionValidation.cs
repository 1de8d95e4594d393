using AsbOps.Web.Data;
using AsbOps.Web.Security.SingleSignOn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace AsbOps.Web.Security.SignIn;

/// <summary>
/// Checks the login cookie against the database on every request: a changed security stamp (sign-out, password change,
/// role change, disabling, MFA change) or a disabled account ends the session at once, on every instance. The principal
/// is rebuilt from the database, so roles and the MFA-enrolment claim are always current (a single sign-on session
/// keeps its method and owes no enrolment: the identity provider does the second factor).
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateOnEveryRequestAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        var user = await signIn.ValidateSecurityStampAsync(context.Principal);
        if (user is null)
        {
            context.RejectPrincipal();
            await signIn.SignOutAsync();
            return;
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        SingleSignOnSession.CarryOver(context.Principal!, principal);
        context.ReplacePrincipal(principal);
    }
}
