using AsbOps.Domain.Email;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AsbOps.Web.Email;

/// <summary>What one dispatcher run did.</summary>
public sealed record DispatchResult(int Sent, int Retrying, int GaveUp)
{
    public override string ToString() => $"{Sent} sent, {Retrying} to retry, {GaveUp} given up";
}

/// <summary>
/// Sends pending outbox rows and marks them. A failed send is retried with back-off (1, 2, 4, 8, then every 15 minutes)
/// until the message's give-up time (7 days by default), when it is marked given up and kept, visible, for an
/// administrator to resend; nothing is dropped. A message failing for <see cref="FailingAlarm"/> or more shows on the
/// outbox page and makes <c>/health/ready</c> degraded. Each row is saved as
/// soon as it is sent, so a crash mid-run does not send the earlier rows again. Runs under a job lease, so one
/// instance dispatches at a time.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    IEmailSender sender,
    IOptions<SmtpOptions> smtp,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    /// <summary>The longest wait between two attempts.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);

    /// <summary>How long a message may keep failing before the outbox page and <c>/health/ready</c> say so.</summary>
    public static readonly TimeSpan FailingAlarm = TimeSpan.FromMinutes(30);

    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(MaxBackoff.TotalMinutes, Math.Pow(2, Math.Min(Math.Max(0, attempts - 1), 16))));

    public async Task<DispatchResult> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Messages that were never delivered in their window stop here, tried or not.
        var gaveUp = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.GiveUpAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.GivenUp)
                .SetProperty(m => m.FailingSince, m => m.FailingSince ?? now)
                .SetProperty(m => m.LastError, m => m.LastError ?? "Not delivered before the give-up time."), cancellationToken);
        if (gaveUp > 0)
        {
            logger.LogError("{Count} email(s) given up after retrying until their give-up time; resend them from /admin/outbox", gaveUp);
        }

        var due = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(email.Value.BatchSize)
            .ToListAsync(cancellationToken);

        int sent = 0, retrying = 0;
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                await sender.SendAsync(ToMime(message), cancellationToken);
                message.Status = OutboxStatus.Sent;
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
                message.FailingSince = null;
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.LastError = Truncate(ex.Message);
                message.NextAttemptAt = now + Backoff(message.Attempts);
                message.FailingSince ??= now;
                retrying++;
                logger.LogWarning("Email {Id} to {To} not sent (attempt {Attempt}): {Error}", message.Id, message.To, message.Attempts, ex.Message);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            if (message.Status == OutboxStatus.Pending)
            {
                // The server is down or refusing: leave the rest for the next run instead of failing each in turn.
                break;
            }
        }

        return new DispatchResult(sent, retrying, gaveUp);
    }

    /// <summary>
    /// An administrator's resend of a given-up message, or of a pending one that has failed at least once: pending
    /// again, tried at the next dispatch, with a fresh give-up window. Returns the status it had, or null when the
    /// message is neither (sent, cancelled, never failed, or gone).
    /// </summary>
    public async Task<OutboxStatus?> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var from in (OutboxStatus[])[OutboxStatus.GivenUp, OutboxStatus.Pending])
        {
            var updated = await db.Outbox
                .Where(m => m.Id == id && m.Status == from && (from == OutboxStatus.GivenUp || m.FailingSince != null))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.Pending)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.FailingSince, (DateTime?)null)
                    .SetProperty(m => m.GiveUpAt, now.AddHours(email.Value.GiveUpAfterHours))
                    .SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
            if (updated == 1)
            {
                return from;
            }
        }

        return null;
    }

    /// <summary>Pending messages failing since <see cref="FailingAlarm"/> ago or longer, and the earliest such start.</summary>
    public async Task<(int Count, DateTime? Since)> FailingLongAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - FailingAlarm;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var failing = db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.FailingSince != null && m.FailingSince <= cutoff);
        return (await failing.CountAsync(cancellationToken), await failing.MinAsync(m => m.FailingSince, cancellationToken));
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            // One Message-Id per outbox row, so a receiver can drop a copy re-sent after a crash.
            MessageId = $"{message.Id}.{message.DedupKey.Replace(':', '.').Replace(' ', '_')}@asbops",
        };
        mime.From.Add(MailboxAddress.Parse(smtp.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.AttachmentName is not null && message.AttachmentContent is not null)
        {
            body.Attachments.Add(message.AttachmentName, message.AttachmentContent);
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}
