using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace AsbOps.Web.Features.Account;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out needs the form's antiforgery token (another site cannot sign a user out) and changes the user's
    /// security stamp, so the old cookie, and every other session of that user, stops working at once.
    /// </summary>
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(HomePages.Route, (HttpContext http) => Results.LocalRedirect(HomePages.For(http.User))).RequireAuthorization();
        endpoints.MapPost("/Account/Logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<AppUser> signIn, UserManager<AppUser> users) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign-out needs its form",
                    detail: "Sign out with the Sign out button in AsbOps; this request had no valid antiforgery token.");
            }

            var user = await users.GetUserAsync(http.User);
            await signIn.SignOutAsync();
            if (user is not null)
            {
                await users.UpdateSecurityStampAsync(user);
            }

            return Results.LocalRedirect("/Account/Login");
        });
    }
}
