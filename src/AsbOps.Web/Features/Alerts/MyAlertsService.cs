using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Alerts;

/// <summary>One in-app alert for the signed-in user, with the case it is about.</summary>
public sealed record MyAlert(long Id, string Kind, string Message, DateTime CreatedAt, bool IsRead, string? CaseReference);

/// <summary>The signed-in user's own in-app alerts (such as a case in their area becoming high risk); never anyone else's.</summary>
public sealed class MyAlertsService(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock)
{
    public const int ListSize = 50;

    public async Task<IReadOnlyList<MyAlert>> ListAsync(UserScope user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Alerts.AsNoTracking()
            .Where(a => a.UserId == user.UserId)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(ListSize)
            .Select(a => new MyAlert(a.Id, a.Kind, a.Message, a.CreatedAt, a.ReadAt != null,
                db.Cases.Where(c => c.Id == a.CaseId).Select(c => c.Reference).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> UnreadCountAsync(UserScope user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Alerts.CountAsync(a => a.UserId == user.UserId && a.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks every unread alert of the user read (opening the list is reading them).</summary>
    public async Task MarkAllReadAsync(UserScope user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(user.UserId, user.UserName);
        db.Clock = clock;
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = await db.Alerts.Where(a => a.UserId == user.UserId && a.ReadAt == null).Take(ListSize).ToListAsync(cancellationToken);
        foreach (var alert in unread)
        {
            alert.ReadAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
