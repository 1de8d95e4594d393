namespace AsbOps.Web.Security;

/// <summary>Claims AsbOps adds to the login cookie.</summary>
public static class AppClaimTypes
{
    public const string AreaId = "asbops:area";
    public const string Agency = "asbops:agency";
    public const string DisplayName = "asbops:name";

    /// <summary>Present while the user's role needs two-step verification they have not set up.</summary>
    public const string MfaEnrolmentRequired = "asbops:mfa-enrolment";
}
