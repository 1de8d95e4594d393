using System.Security.Claims;

namespace AsbOps.Web.Security.SingleSignOn;

/// <summary>
/// A session started through the OpenID Connect provider: the same Identity cookie as a password sign-in, marked by its
/// authentication method. The provider does the second factor, so such a session is never sent to the app's own TOTP
/// enrolment.
/// </summary>
public static class SingleSignOnSession
{
    /// <summary>The authentication scheme of the provider, the login provider name of linked users, and the session's method.</summary>
    public const string Scheme = "oidc";

    /// <summary>Where the provider's answer is handled once the OpenID Connect handler has checked it.</summary>
    public const string CallbackPath = "/Account/Sso/Callback";

    /// <summary>The page that says why a single sign-on was refused.</summary>
    public const string RefusedPath = "/Account/SsoRefused";

    public static bool IsSingleSignOn(ClaimsPrincipal principal) =>
        principal.HasClaim(ClaimTypes.AuthenticationMethod, Scheme);

    /// <summary>
    /// The principal rebuilt from the database on every request keeps the session's authentication method, and a
    /// single sign-on session drops the app's MFA-enrolment demand.
    /// </summary>
    public static void CarryOver(ClaimsPrincipal from, ClaimsPrincipal to)
    {
        if (from.FindFirst(ClaimTypes.AuthenticationMethod) is not { } method || to.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        if (!to.HasClaim(ClaimTypes.AuthenticationMethod, method.Value))
        {
            identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, method.Value));
        }

        if (method.Value == Scheme)
        {
            foreach (var demand in identity.FindAll(AppClaimTypes.MfaEnrolmentRequired).ToList())
            {
                identity.RemoveClaim(demand);
            }
        }
    }
}
