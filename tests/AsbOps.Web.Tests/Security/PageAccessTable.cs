using AsbOps.Web.Security;

namespace AsbOps.Web.Tests.Security;

public enum PageAccess
{
    /// <summary>Open to everyone, signed in or not.</summary>
    Anonymous,

    /// <summary>Any signed-in user, whatever their role.</summary>
    AnySignedIn,

    /// <summary>Only the listed roles.</summary>
    RolesOnly,
}

/// <summary>Who may open one page. <see cref="Template"/> is the route as written; parameter names do not matter.</summary>
public sealed record PageRule(string Template, PageAccess Access, params string[] AllowedRoles)
{
    public bool Allows(string? role) => Access switch
    {
        PageAccess.Anonymous => true,
        PageAccess.AnySignedIn => role is not null,
        _ => role is not null && AllowedRoles.Contains(role),
    };

    /// <summary><c>/cases/{caseRef}</c> and <c>/cases/{Reference}</c> are the same route.</summary>
    public static string Normalise(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template.Trim().TrimEnd('/'), "{[^}]*}", "{}").ToLowerInvariant() is { Length: > 0 } t
            ? t
            : "/";
}

/// <summary>
/// The page access matrix, spelled out role by role rather than by the groups in <see cref="Roles"/>, so that a
/// change to a group shows up here as a failing row. Every routable page must have a row (a guard test checks).
/// </summary>
public static class PageAccessTable
{
    private const string O = Roles.Officer, S = Roles.Sergeant, I = Roles.Inspector, C = Roles.Compliance,
        A = Roles.Analyst, P = Roles.Partner, Adm = Roles.Admin, R = Roles.GuidanceReviewer;

    public static IReadOnlyList<PageRule> Pages { get; } =
    [
        new("/", PageAccess.RolesOnly, O, S, I, C, A, Adm),
        new("/my-work", PageAccess.RolesOnly, O, S, I),
        new("/cases", PageAccess.RolesOnly, O, S, I, C, A, P, Adm),
        new("/cases/{caseRef}", PageAccess.RolesOnly, O, S, I, C, A, P, Adm),
        new("/cases/{caseRef}/people/add", PageAccess.RolesOnly, O, S, I, Adm),
        new("/cases/{caseRef}/people/{participantId:long}/assessment", PageAccess.RolesOnly, O, S, I, Adm),
        new("/cases/{caseRef}/location/assessment", PageAccess.RolesOnly, O, S, I, Adm),
        new("/case-reviews", PageAccess.RolesOnly, O, S, I, C, A, Adm),
        new("/case-reviews/{reference}", PageAccess.RolesOnly, O, S, I, C, A, Adm),
        new("/people/{id:long}", PageAccess.RolesOnly, O, S, I, C, A, Adm),
        new("/approvals", PageAccess.RolesOnly, S, I, Adm),
        new("/alerts", PageAccess.AnySignedIn),
        new("/cases/{caseRef}/plan", PageAccess.RolesOnly, O, S, I, C, A, P, Adm),
        new("/cases/{caseRef}/referrals", PageAccess.RolesOnly, O, S, I, C, A, P, Adm),
        new("/incidents", PageAccess.RolesOnly, O, S, I, C, Adm),
        new("/incidents/{id}", PageAccess.RolesOnly, O, S, I, C, Adm),
        new("/incidents/new", PageAccess.RolesOnly, O, S, I, Adm),
        new("/map", PageAccess.RolesOnly, O, S, I, C, Adm),
        new("/compliance", PageAccess.RolesOnly, S, I, C, Adm),
        new("/retention", PageAccess.RolesOnly, C),
        new("/metrics", PageAccess.RolesOnly, A, Adm, R),
        new("/metrics/what-if", PageAccess.RolesOnly, A, Adm, R),
        new("/wallboard", PageAccess.RolesOnly, O, S, I, C, A, Adm),
        new("/guidance", PageAccess.RolesOnly, A, Adm),
        new("/guidance/{number}", PageAccess.RolesOnly, A, Adm),
        new("/guidance/new", PageAccess.RolesOnly, A, Adm),
        new("/admin", PageAccess.RolesOnly, Adm),
        new("/admin/jobs", PageAccess.RolesOnly, Adm),
        new("/admin/users", PageAccess.RolesOnly, Adm),
        new("/admin/settings", PageAccess.RolesOnly, Adm),
        new("/admin/areas", PageAccess.RolesOnly, Adm),
        new("/admin/api-clients", PageAccess.RolesOnly, Adm),
        new("/admin/agencies", PageAccess.RolesOnly, Adm),
        new("/admin/outbox", PageAccess.RolesOnly, Adm),
        new("/admin/audit", PageAccess.RolesOnly, Adm),
        new("/aide-memoire", PageAccess.AnySignedIn),
        new("/Account/Login", PageAccess.Anonymous),
        new("/Account/AccessDenied", PageAccess.Anonymous),
        new("/Account/SsoRefused", PageAccess.Anonymous),
        new("/Account/SetPassword", PageAccess.Anonymous),
        new("/Account/LoginCode", PageAccess.Anonymous),
        new("/Account/Mfa", PageAccess.AnySignedIn),
        new("/Account/Manage", PageAccess.AnySignedIn),
        new("/not-found", PageAccess.Anonymous),
        new("/Error", PageAccess.Anonymous),
    ];

    public static PageRule? Find(string template) =>
        Pages.FirstOrDefault(p => PageRule.Normalise(p.Template) == PageRule.Normalise(template));
}
