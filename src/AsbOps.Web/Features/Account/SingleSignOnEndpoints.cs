using AsbOps.Web.Security.SingleSignOn;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Account;

public static class SingleSignOnEndpoints
{
    /// <summary>
    /// <c>POST /Account/Sso</c> (the login page's button, with its antiforgery token) sends the browser to the provider;
    /// the provider's answer, checked by the OpenID Connect handler at <c>/signin-oidc</c>, comes back to
    /// <see cref="SingleSignOnSession.CallbackPath"/>, which signs the user in or shows why not. Both answer 404 while
    /// single sign-on is off.
    /// </summary>
    public static void MapSingleSignOnEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Sso", async (HttpContext http, IAntiforgery antiforgery, IOptions<OidcOptions> options) =>
        {
            if (!options.Value.Enabled)
            {
                return Results.NotFound();
            }

            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign-in needs its form",
                    detail: "Start single sign-on with the button on the AsbOps login page; this request had no valid antiforgery token.");
            }

            var returnUrl = LoginPage.SafeReturnUrl(http.Request.Form["returnUrl"]);
            var properties = new AuthenticationProperties { RedirectUri = $"{SingleSignOnSession.CallbackPath}?returnUrl={Uri.EscapeDataString(returnUrl)}" };
            return Results.Challenge(properties, [SingleSignOnSession.Scheme]);
        }).AllowAnonymous().DisableAntiforgery();

        endpoints.MapGet(SingleSignOnSession.CallbackPath, async (HttpContext http, string? returnUrl, IOptions<OidcOptions> options, SingleSignOnFlow flow,
            SingleSignOnRefusals refusals) =>
        {
            if (!options.Value.Enabled)
            {
                return Results.NotFound();
            }

            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            if (!external.Succeeded || external.Principal is null)
            {
                return Results.Redirect(refusals.PageLink(new SingleSignOnRefusal("expired", "Sign-in did not complete",
                    $"The answer from {options.Value.DisplayName} was missing or too old. Start again from the login page.")));
            }

            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var refusal = await flow.SignInAsync(external.Principal, http.RequestAborted);
            return refusal is null
                ? Results.LocalRedirect(LoginPage.SafeReturnUrl(returnUrl))
                : Results.Redirect(refusals.PageLink(refusal));
        }).AllowAnonymous();
    }
}
