using AsbOps.Domain.Email;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Admin.Outbox;

/// <summary>One outbox message as the page lists it (no body: reminders name cases and people).</summary>
public sealed record OutboxRow(
    long Id, string To, string Subject, OutboxStatus Status, int Attempts, DateTime CreatedAt, DateTime? SentAt, DateTime NextAttemptAt, string? LastError,
    DateTime? FailingSince = null)
{
    /// <summary>Given up, or pending after at least one failed attempt: an administrator may resend it.</summary>
    public bool CanResend => Status == OutboxStatus.GivenUp || (Status == OutboxStatus.Pending && FailingSince is not null);

    /// <summary>Still pending and failing since <see cref="OutboxDispatcher.FailingAlarm"/> or longer before <paramref name="now"/>.</summary>
    public bool FailingLong(DateTime now) => Status == OutboxStatus.Pending && FailingSince is { } since && since <= now - OutboxDispatcher.FailingAlarm;
}

/// <summary>How many messages need an administrator: failing for 30 minutes or more, and given up.</summary>
public sealed record OutboxTrouble(int FailingLong, DateTime? FailingSince, int GivenUp);

/// <summary>
/// The email outbox, paged and filtered by status (or "failing": pending after a failed attempt), and "resend" for a
/// given-up or failing message (audited).
/// </summary>
public sealed class OutboxAdministration(IDbContextFactory<AsbOpsDbContext> dbFactory, OutboxDispatcher dispatcher, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<OutboxTrouble> TroubleAsync(CancellationToken cancellationToken = default)
    {
        var (failing, since) = await dispatcher.FailingLongAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var givenUp = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.GivenUp, cancellationToken);
        return new OutboxTrouble(failing, since, givenUp);
    }

    /// <summary><paramref name="failingOnly"/> lists pending messages that have failed at least once, longest failing first.</summary>
    public async Task<PagedResult<OutboxRow>> PageAsync(OutboxStatus? status, int page, int pageSize, CancellationToken cancellationToken = default, bool failingOnly = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var messages = failingOnly
            ? db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending && m.FailingSince != null)
            : db.Outbox.AsNoTracking().Where(m => status == null || m.Status == status);
        var total = await messages.CountAsync(cancellationToken);
        pageSize = Math.Clamp(pageSize, 1, AdminQueries.MaxPageSize);
        var ordered = failingOnly
            ? messages.OrderBy(m => m.FailingSince).ThenBy(m => m.Id)
            : messages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);
        var rows = await ordered
            .Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(m => new OutboxRow(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError, m.FailingSince))
            .ToListAsync(cancellationToken);
        return new PagedResult<OutboxRow>(rows, total);
    }

    /// <summary>
    /// Puts a given-up or failing message back in the queue for the next dispatch, with a fresh give-up window; refused
    /// when it is neither (any more).
    /// </summary>
    public async Task<CommandResult> ResendAsync(UserScope admin, long id, CancellationToken cancellationToken = default)
    {
        if (await dispatcher.RetryAsync(id, cancellationToken) is not { } was)
        {
            return CommandResult.Refused("Only a given-up or failing message can be resent; this one is neither (any more).");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        AdminAudit.Record(db, admin, clock.GetUtcNow().UtcDateTime, nameof(OutboxMessage), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            nameof(OutboxMessage.Status), was == OutboxStatus.GivenUp ? "Given up" : "Pending (failing)", "Pending (resent by an administrator)");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(id);
    }
}
