namespace AsbOps.Web.Security;

/// <summary>Section <c>Authentication</c>: local accounts.</summary>
public sealed class AsbOpsAuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>How long a set-password link works (hours).</summary>
    public double SetPasswordLinkHours { get; set; } = 24;

    /// <summary>The NCSC's minimum: length, no composition rules.</summary>
    public const int MinimumPasswordLength = 12;
}
