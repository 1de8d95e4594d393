using System.Collections.Concurrent;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Security.ApiKeys;

/// <summary>
/// Finds an administrator-created client by the SHA-256 of the presented key. Read from the database on every request
/// (one lookup on a unique index, nothing cached), so a revoked key is refused at once by every instance that shares
/// the database, whether or not Redis carries the news. "Last used" is written at most once a minute per client and
/// instance, outside the change tracker, so neither the audit trail nor the database is flooded.
/// </summary>
public sealed class StoredApiClientLookup(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock, ILogger<StoredApiClientLookup> logger)
{
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, DateTime> _lastWritten = new();

    public async Task<ApiClient?> FindAsync(byte[] keyHash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiClients.AsNoTracking()
            .Where(c => c.KeyHash == keyHash && c.RevokedAt == null)
            .Select(c => new { c.Id, c.Name, c.Scopes, c.RequestsPerMinute })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        await TouchAsync(db, found.Id, cancellationToken);
        return new ApiClient(found.Name, keyHash,
            found.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(ApiScopes.All.Contains).ToHashSet(StringComparer.Ordinal),
            Math.Max(1, found.RequestsPerMinute));
    }

    private async Task TouchAsync(AsbOpsDbContext db, int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_lastWritten.TryGetValue(id, out var last) && now - last < LastUsedResolution)
        {
            return;
        }

        _lastWritten[id] = now;
        try
        {
            await db.ApiClients.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastUsedAt, now), cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // A busy database must not refuse a valid key; the next minute tries again.
            logger.LogWarning(ex, "Could not record the last use of API client {Id}", id);
        }
    }
}
