using Microsoft.Extensions.Options;

namespace AsbOps.Web.Security;

/// <summary>
/// Which roles must use two-step verification (<c>Authentication:RequireMfaForRoles</c>, role names separated by
/// commas; default admin and compliance; empty for none). A user in such a role without it is sent to enrolment.
/// </summary>
public sealed class MfaRequirement(IOptions<AsbOpsAuthenticationOptions> options)
{
    /// <summary>The enrolment page; every other page redirects there while enrolment is owed.</summary>
    public const string EnrolmentPath = "/Account/Mfa";

    public IReadOnlyList<string> Roles =>
        options.Value.RequireMfaForRoles.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool IsRequiredFor(IEnumerable<string> roles) => roles.Any(r => Roles.Contains(r, StringComparer.OrdinalIgnoreCase));
}
