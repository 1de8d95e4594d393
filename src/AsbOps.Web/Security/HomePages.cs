using System.Security.Claims;

namespace AsbOps.Web.Security;

/// <summary>
/// The page each role starts on: one it may open and does its daily work from. Sign-in, "Go to the start page" and
/// the bare address "/" for a role that may not see the dashboard all go through <see cref="Route"/>.
/// </summary>
public static class HomePages
{
    /// <summary>Redirects a signed-in user to <see cref="For"/>.</summary>
    public const string Route = "/home";

    /// <summary>What is due on an officer's cases, or for a sergeant on their area's officers' cases.</summary>
    public const string MyWork = "/my-work";

    public static string For(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Sergeant) ? MyWork
            : user.IsInRole(Roles.Inspector) || user.IsInRole(Roles.Admin) ? "/"
            : user.IsInRole(Roles.Compliance) ? "/compliance"
            : user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.GuidanceReviewer) ? "/metrics"
            : user.IsInRole(Roles.Partner) ? "/cases"
            : "/Account/Manage";
}
