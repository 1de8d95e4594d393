namespace AsbOps.Web.Security;

/// <summary>Claims AsbOps adds to the login cookie.</summary>
public static class AppClaimTypes
{
    public const string AreaId = "asbops:area";
    public const string Agency = "asbops:agency";
    public const string DisplayName = "asbops:name";
}
