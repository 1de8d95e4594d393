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
/// Sends pending outbox rows and marks them. A failed send is retried with back-off (1, 2, 4 … up to 60 minutes)
/// until the message's give-up time, when it is marked failed and kept for an administrator. Each row is saved as
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
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    public async Task<DispatchResult> DispatchAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Messages that were never delivered in their window stop here, tried or not.
        var gaveUp = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.GiveUpAt <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Failed)
                .SetProperty(m => m.LastError, m => m.LastError ?? "Not delivered before the give-up time."), cancellationToken);

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
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.LastError = Truncate(ex.Message);
                message.NextAttemptAt = now + Backoff(message.Attempts);
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

    /// <summary>An administrator's retry of a failed message: pending again with a fresh window.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.GiveUpAt, now.AddHours(email.Value.GiveUpAfterHours))
                .SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
        return updated == 1;
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
