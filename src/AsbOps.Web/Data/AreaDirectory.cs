using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>An area as reference data: id, code and name.</summary>
public sealed record AreaInfo(int Id, string Code, string Name);

/// <summary>
/// The open areas (a retired one takes no new incidents and is not listed), cached: they change rarely and every incident needs its area's id. Reloaded when an unknown code is
/// asked for (at most every few seconds) so a new area is picked up without a restart.
/// </summary>
public sealed class AreaDirectory(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock)
{
    private static readonly TimeSpan MinimumReloadInterval = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;

    public async Task<IReadOnlyList<AreaInfo>> AllAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Areas;

    public async Task<AreaInfo?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        if (snapshot.ByCode.TryGetValue(code, out var area))
        {
            return area;
        }

        snapshot = await ReloadAsync(snapshot, cancellationToken);
        return snapshot.ByCode.GetValueOrDefault(code);
    }

    public async Task<IReadOnlySet<string>> CodesAsync(CancellationToken cancellationToken = default) =>
        (await CurrentAsync(cancellationToken)).Codes;

    /// <summary>Forgets the cache, e.g. after an administrator changed the areas.</summary>
    public void Invalidate() => _snapshot = null;

    /// <summary>How long a loaded list is trusted before it is read again.</summary>
    private static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(5);

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken) =>
        _snapshot is { Areas.Count: > 0 } snapshot && clock.GetUtcNow() - snapshot.LoadedAt < MaximumAge
            ? snapshot
            : await ReloadAsync(_snapshot, cancellationToken);

    private async Task<Snapshot> ReloadAsync(Snapshot? seen, CancellationToken cancellationToken)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            var current = _snapshot;
            var now = clock.GetUtcNow();
            if (current is not null && (!ReferenceEquals(current, seen) || now - current.LoadedAt < MinimumReloadInterval))
            {
                return current;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var areas = await db.Areas.AsNoTracking().Where(a => a.RetiredAt == null).OrderBy(a => a.Code)
                .Select(a => new AreaInfo(a.Id, a.Code, a.Name)).ToListAsync(cancellationToken);
            var snapshot = new Snapshot(areas, now);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }

    private sealed class Snapshot(IReadOnlyList<AreaInfo> areas, DateTimeOffset loadedAt)
    {
        public IReadOnlyList<AreaInfo> Areas { get; } = areas;
        public DateTimeOffset LoadedAt { get; } = loadedAt;
        public Dictionary<string, AreaInfo> ByCode { get; } = areas.ToDictionary(a => a.Code, StringComparer.Ordinal);
        public IReadOnlySet<string> Codes { get; } = areas.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
    }
}
