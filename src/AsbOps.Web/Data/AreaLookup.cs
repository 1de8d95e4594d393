using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>The areas of a scope (a handful of rows of reference data), to name grouped counts by code.</summary>
public sealed class AreaLookup(IReadOnlyList<AreaLookup.Entry> all)
{
    public sealed record Entry(int Id, string Code, string Name);

    public IReadOnlyList<Entry> All { get; } = all;

    public string CodeOf(int areaId) => All.FirstOrDefault(a => a.Id == areaId)?.Code ?? "?";

    public static async Task<AreaLookup> LoadAsync(AsbOpsDbContext db, int? areaId, CancellationToken cancellationToken) =>
        new(await db.Areas.AsNoTracking()
            .Where(a => areaId == null || a.Id == areaId)
            .OrderBy(a => a.Code)
            .Select(a => new Entry(a.Id, a.Code, a.Name))
            .ToListAsync(cancellationToken));
}
