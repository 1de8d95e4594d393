using System.Collections.Concurrent;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Assessments;

/// <summary>
/// Parsed guidance definitions by version. A published version never changes, so its JSON need not be read
/// and parsed again on every save. Keyed by database as well as version id: one process may serve (or test) several
/// databases whose version 1 differ.
/// </summary>
public sealed class GuidanceDefinitionCache
{
    private readonly ConcurrentDictionary<(string Database, int VersionId), GuidanceDefinition> _definitions = new();

    /// <summary>A version's definition, reading its JSON only the first time.</summary>
    public async Task<GuidanceDefinition> DefinitionAsync(AsbOpsDbContext db, int versionId, CancellationToken cancellationToken)
    {
        var key = (db.Database.GetConnectionString() ?? "", versionId);
        if (_definitions.TryGetValue(key, out var known))
        {
            return known;
        }

        var definition = await db.GuidanceVersions.AsNoTracking().Where(g => g.Id == versionId).Select(g => g.Definition).SingleAsync(cancellationToken);
        return _definitions.GetOrAdd(key, definition);
    }
}
