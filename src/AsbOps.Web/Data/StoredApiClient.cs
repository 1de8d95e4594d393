namespace AsbOps.Web.Data;

/// <summary>
/// A machine client an administrator created: only the SHA-256 of its key is kept (the key is shown once). A revoked
/// client stays, so the audit trail and "last used" keep meaning something.
/// </summary>
public sealed class StoredApiClient
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the key (32 bytes).</summary>
    public required byte[] KeyHash { get; set; }

    /// <summary>The scopes, space-separated (<c>incidents:write markers:read</c>).</summary>
    public string Scopes { get; set; } = "";

    public int RequestsPerMinute { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    /// <summary>Updated at most once a minute per instance, outside the change tracker (so not audited).</summary>
    public DateTime? LastUsedAt { get; set; }

    public int Version { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
