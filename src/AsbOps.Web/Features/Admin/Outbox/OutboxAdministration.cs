using AsbOps.Domain.Email;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Admin.Outbox;

/// <summary>One outbox message as the page lists it (no body: reminders name cases and people).</summary>
public sealed record OutboxRow(
    long Id, string To, string Subject, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime? SentAt, DateTime NextAttemptAt, string? LastError);

/// <summary>The email outbox, paged and filtered by status, and "resend" for a failed message (audited).</summary>
public sealed class OutboxAdministration(IDbContextFactory<AsbOpsDbContext> dbFactory, OutboxDispatcher dispatcher, TimeProvider clock)
{
    public async Task<PagedResult<OutboxRow>> PageAsync(OutboxStatus? status, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var messages = db.Outbox.AsNoTracking().Where(m => status == null || m.Status == status);
        var total = await messages.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, AdminQueries.MaxPageSize);
        var rows = await messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(m => new OutboxRow(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(cancellationToken);
        return new PagedResult<OutboxRow>(rows, total);
    }

    /// <summary>Puts a failed message back in the queue for the next dispatch; false when it is not failed (any more).</summary>
    public async Task<CommandResult> ResendAsync(UserScope admin, long id, CancellationToken cancellationToken = default)
    {
        if (!await dispatcher.RetryAsync(id, cancellationToken))
        {
            return CommandResult.Refused("Only a failed message can be resent; this one is not failed (any more).");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        AdminAudit.Record(db, admin, clock.GetUtcNow().UtcDateTime, nameof(OutboxMessage), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            nameof(OutboxMessage.Status), nameof(OutboxStatus.Failed), "Pending (resent by an administrator)");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(id);
    }
}
