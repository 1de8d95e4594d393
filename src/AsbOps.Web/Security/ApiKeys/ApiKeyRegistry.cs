using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Security.ApiKeys;

/// <summary>A configured client as the app keeps it: name, scopes, rate and only the hash of its key.</summary>
public sealed record ApiClient(string Name, byte[] KeyHash, IReadOnlySet<string> Scopes, int RequestsPerMinute);

/// <summary>
/// The configured machine clients. Keys are held only as SHA-256 hashes and compared in fixed time, so neither the
/// configuration nor a timing side channel gives a key away.
/// </summary>
public sealed class ApiKeyRegistry
{
    private readonly IReadOnlyList<ApiClient> _clients;

    public ApiKeyRegistry(IOptions<List<ApiClientOptions>> options, ILogger<ApiKeyRegistry> logger)
    {
        var clients = new List<ApiClient>();
        foreach (var entry in options.Value)
        {
            var hash = HashOf(entry);
            if (string.IsNullOrWhiteSpace(entry.Name) || hash is null)
            {
                logger.LogWarning("Ignoring an ApiClients entry without a name and a key or a 64-hex KeySha256 ({Name})", entry.Name);
                continue;
            }

            var unknown = entry.Scopes.Where(s => !ApiScopes.All.Contains(s)).ToList();
            if (unknown.Count > 0)
            {
                logger.LogWarning("ApiClients entry {Name} names unknown scopes {Scopes}", entry.Name, unknown);
            }

            clients.Add(new ApiClient(entry.Name, hash, entry.Scopes.Where(ApiScopes.All.Contains).ToHashSet(StringComparer.Ordinal),
                Math.Max(1, entry.RequestsPerMinute)));
        }

        _clients = clients;
    }

    public IReadOnlyList<ApiClient> Clients => _clients;

    /// <summary>The SHA-256 of a presented key, or null for one too long or empty to be a key.</summary>
    public static byte[]? HashOfPresented(string? presentedKey) =>
        string.IsNullOrEmpty(presentedKey) || presentedKey.Length > 512 ? null : SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));

    public ApiClient? Find(string? presentedKey)
    {
        if (HashOfPresented(presentedKey) is not { } presented)
        {
            return null;
        }

        ApiClient? match = null;
        foreach (var client in _clients)
        {
            // Compare against every client so the time taken does not tell which one nearly matched.
            if (CryptographicOperations.FixedTimeEquals(presented, client.KeyHash))
            {
                match = client;
            }
        }

        return match;
    }

    private static byte[]? HashOf(ApiClientOptions entry)
    {
        if (!string.IsNullOrEmpty(entry.KeySha256))
        {
            try
            {
                var bytes = Convert.FromHexString(entry.KeySha256.Trim());
                return bytes.Length == 32 ? bytes : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return string.IsNullOrEmpty(entry.Key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(entry.Key));
    }
}
