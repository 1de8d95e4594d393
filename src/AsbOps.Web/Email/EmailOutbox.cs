using AsbOps.Domain.Email;
using AsbOps.Web.Data;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Email;

/// <summary>An email to queue: plain and HTML bodies, optionally a case and an attachment.</summary>
public sealed record OutgoingEmail(
    string DedupKey,
    string To,
    string Subject,
    string TextBody,
    string HtmlBody,
    long? CaseId = null,
    string? AttachmentName = null,
    byte[]? AttachmentContent = null);

/// <summary>
/// Queues emails in the same transaction as the change that causes them. The unique <c>DedupKey</c> makes "this
/// email for this event" happen once, however many times or instances try.
/// </summary>
public sealed class EmailOutbox(IOptions<EmailOptions> options, TimeProvider clock)
{
    public OutboxMessage Enqueue(AsbOpsDbContext db, OutgoingEmail email)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            DedupKey = email.DedupKey,
            To = email.To,
            Subject = email.Subject,
            TextBody = email.TextBody,
            HtmlBody = email.HtmlBody,
            CaseId = email.CaseId,
            AttachmentName = email.AttachmentName,
            AttachmentContent = email.AttachmentContent,
            CreatedAt = now,
            NextAttemptAt = now,
            GiveUpAt = now.AddHours(options.Value.GiveUpAfterHours),
        };
        db.Outbox.Add(message);
        return message;
    }
}
