using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Admin;

public sealed record UserRow(
    string Id,
    string DisplayName,
    string? Email,
    string? CollarNumber,
    string Role,
    string? AreaCode,
    Agency? Agency,
    DateTimeOffset? LockedOutUntil,
    int FailedSignIns,
    bool Disabled = false,
    bool HasPassword = true);

public sealed record AreaRow(string Code, string Name, string? Sergeant, string? Inspector, int OpenCases);

/// <summary>Read side of administration: users and areas.</summary>
public sealed class AdminQueries(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>A page of users, by name; the search matches name, email or collar number.</summary>
    public async Task<PagedResult<UserRow>> UsersAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            users = users.Where(u => u.DisplayName.ToUpper().Contains(term)
                || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(term))
                || (u.CollarNumber != null && u.CollarNumber.ToUpper().Contains(term)));
        }

        var total = await users.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await users
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip(Math.Max(page, 0) * pageSize)
            .Take(pageSize)
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email,
                u.CollarNumber,
                u.PrimaryRole,
                db.Areas.Where(a => a.Id == u.AreaId).Select(a => a.Code).FirstOrDefault(),
                u.Agency,
                u.LockoutEnd,
                u.AccessFailedCount,
                false,
                u.PasswordHash != null))
            .ToListAsync(cancellationToken);

        // A lockout end in the past means the account is open again; show only live lockouts.
        var now = clock.GetUtcNow();
        return new PagedResult<UserRow>(
            [.. rows.Select(r => r.LockedOutUntil is { } end && end > now.AddYears(100)
                ? r with { LockedOutUntil = null, Disabled = true }
                : r.LockedOutUntil > now ? r : r with { LockedOutUntil = null })],
            total);
    }

    public async Task<IReadOnlyList<AreaRow>> AreasAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Areas.AsNoTracking()
            .OrderBy(a => a.Code)
            .Select(a => new AreaRow(
                a.Code,
                a.Name,
                db.Users.Where(u => u.Id == a.SergeantUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == a.InspectorUserId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Cases.Count(c => c.AreaId == a.Id && c.Status != CaseStatus.Closed)))
            .ToListAsync(cancellationToken);
    }
}
