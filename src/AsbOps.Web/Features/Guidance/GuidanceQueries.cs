using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Guidance;

/// <summary>A published guidance version as listed; the newest is the one new assessments use.</summary>
public sealed record GuidanceVersionSummary(int Number, DateTime PublishedAt, string PublishedBy, string Notes, bool InUse);

/// <summary>A guidance version with its full definition, read from the stored JSON.</summary>
public sealed record GuidanceVersionDetail(GuidanceVersionSummary Version, GuidanceDefinition Definition);

/// <summary>Read side of the risk guidance: the published versions and one version's matrices.</summary>
public sealed class GuidanceQueries(IDbContextFactory<AsbOpsDbContext> dbFactory)
{
    /// <summary>Shown when a version was published by the system (the seeded version 1) or by a removed user.</summary>
    public const string SystemPublisher = "AsbOps (seeded)";

    public async Task<IReadOnlyList<GuidanceVersionSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.GuidanceVersions.MaxAsync(g => (int?)g.Number, cancellationToken);
        var versions = await db.GuidanceVersions.AsNoTracking()
            .OrderByDescending(g => g.Number)
            .Select(g => new
            {
                g.Number,
                g.PublishedAt,
                g.Notes,
                PublishedBy = db.Users.Where(u => u.Id == g.PublishedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. versions.Select(v => new GuidanceVersionSummary(
            v.Number, v.PublishedAt, v.PublishedBy ?? SystemPublisher, v.Notes, v.Number == newest))];
    }

    public async Task<GuidanceVersionDetail?> GetAsync(int number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.GuidanceVersions.MaxAsync(g => (int?)g.Number, cancellationToken);
        var found = await db.GuidanceVersions.AsNoTracking()
            .Where(g => g.Number == number)
            .Select(g => new
            {
                g.Number,
                g.PublishedAt,
                g.Notes,
                g.Definition,
                PublishedBy = db.Users.Where(u => u.Id == g.PublishedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new GuidanceVersionDetail(
                new GuidanceVersionSummary(found.Number, found.PublishedAt, found.PublishedBy ?? SystemPublisher, found.Notes, found.Number == newest),
                found.Definition);
    }
}
