namespace AsbOps.Web.Security.ApiKeys;

/// <summary>One machine client from configuration section <c>ApiClients</c>.</summary>
public sealed class ApiClientOptions
{
    public const string Section = "ApiClients";

    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the key as hex: what a deployment stores.</summary>
    public string? KeySha256 { get; set; }

    /// <summary>The plain key, for development and tests only; hashed at start-up and never kept.</summary>
    public string? Key { get; set; }

    public List<string> Scopes { get; set; } = [];

    /// <summary>The client's rate; over it the API answers 429 with Retry-After.</summary>
    public int RequestsPerMinute { get; set; } = 600;
}
