namespace AsbOps.Web.Security;

/// <summary>Section <c>Authentication</c>: local accounts (single sign-on is <c>Authentication:Oidc</c>).</summary>
public sealed class AsbOpsAuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>How long a set-password link works (hours).</summary>
    public double SetPasswordLinkHours { get; set; } = 24;

    /// <summary>Roles that must use two-step verification, separated by commas; empty for none.</summary>
    public string RequireMfaForRoles { get; set; } = $"{Roles.Admin},{Roles.Compliance}";

    /// <summary>
    /// False switches password sign-in off (the login page shows only single sign-on, and a posted password is refused).
    /// </summary>
    public bool LocalAccounts { get; set; } = true;

    /// <summary>The NCSC's minimum: length, no composition rules.</summary>
    public const int MinimumPasswordLength = 12;
}
