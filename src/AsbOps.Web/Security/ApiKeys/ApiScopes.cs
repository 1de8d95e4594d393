namespace AsbOps.Web.Security.ApiKeys;

/// <summary>The scopes a machine client's key can carry, and the policies that accept them or a signed-in role.</summary>
public static class ApiScopes
{
    public const string IncidentsWrite = "incidents:write";
    public const string MarkersRead = "markers:read";
    public const string OpsRead = "ops:read";
    public const string CaseReviewsWrite = "casereviews:write";

    public static readonly IReadOnlyList<string> All = [IncidentsWrite, MarkersRead, OpsRead, CaseReviewsWrite];

    /// <summary>Claim type carrying each scope of an authenticated key.</summary>
    public const string ClaimType = "asbops:scope";

    /// <summary>Claim type naming the machine client.</summary>
    public const string ClientClaimType = "asbops:client";
}
