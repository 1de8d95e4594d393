using AsbOps.Domain.Audit;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Admin.Audit;

public sealed record AuditRow(long Id, DateTime At, string UserName, string? UserId, AuditAction Action, string EntityType, string EntityId, string? Changes);

/// <summary>What the audit view filters on; empty fields do not filter.</summary>
public sealed record AuditFilter(string? User = null, string? EntityType = null, string? EntityId = null);

/// <summary>The audit log, newest first, filtered by who (name or email) and by entity type and id.</summary>
public sealed class AuditQueries(IDbContextFactory<AsbOpsDbContext> dbFactory)
{
    public async Task<PagedResult<AuditRow>> PageAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var term = filter.User.Trim();
            var upper = term.ToUpperInvariant();
            var ids = db.Users.Where(u => u.NormalizedEmail == upper || u.Id == term).Select(u => u.Id);
            entries = entries.Where(e => (e.UserId != null && ids.Contains(e.UserId)) || e.UserName.ToUpper().Contains(upper));
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            entries = entries.Where(e => e.EntityType == filter.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var id = filter.EntityId.Trim();
            entries = entries.Where(e => e.EntityId == id);
        }

        var total = await entries.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, AdminQueries.MaxPageSize);
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(e => new AuditRow(e.Id, e.At, e.UserName, e.UserId, e.Action, e.EntityType, e.EntityId, e.Changes))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditRow>(rows, total);
    }

    /// <summary>The entity types the log holds, for the filter.</summary>
    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }
}
