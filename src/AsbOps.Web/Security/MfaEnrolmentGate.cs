using AsbOps.Web.Security.ApiKeys;

namespace AsbOps.Web.Security;

/// <summary>
/// A signed-in user who owes MFA enrolment (claim <see cref="AppClaimTypes.MfaEnrolmentRequired"/>) may open only the
/// enrolment page, sign out, and the files those pages load: pages redirect to enrolment, the API, hubs and the Blazor
/// circuit answer 403.
/// </summary>
public static class MfaEnrolmentGate
{
    private static readonly string[] Open = [MfaRequirement.EnrolmentPath, "/Account/Logout", "/Account/Login", "/Account/AccessDenied",
        "/_framework", "/_content", "/css", "/js", "/img", "/favicon.ico", "/health", "/Error"];

    public static IApplicationBuilder UseMfaEnrolmentGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.User.HasClaim(c => c.Type == AppClaimTypes.MfaEnrolmentRequired) || Open.Any(p => context.Request.Path.StartsWithSegments(p)))
        {
            await next(context);
            return;
        }

        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor"))
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Two-step verification needed",
                $"Your role must use two-step verification. Set it up at {MfaRequirement.EnrolmentPath} first.");
            return;
        }

        context.Response.Redirect(MfaRequirement.EnrolmentPath);
    });
}
