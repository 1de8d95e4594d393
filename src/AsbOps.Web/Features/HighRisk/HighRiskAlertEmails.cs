using System.Globalization;
using System.Net;
using System.Text;
using AsbOps.Domain.Email;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.HighRisk;

/// <summary>
/// Queues the high-risk alert email to the area's sergeant and inspector, in the caller's transaction (the
/// high-risk procedure calls it when a case becomes high). One email per recipient per high-risk episode: the key
/// <c>highrisk:{caseId}:{since:O}:{userId}</c> is skipped when already queued, here or in the outbox.
/// </summary>
public sealed class HighRiskAlertEmails(EmailOutbox outbox, IOptions<AppOptions> app)
{
    public static string DedupKey(long caseId, DateTime since, string userId) =>
        $"highrisk:{caseId}:{since.ToString("O", CultureInfo.InvariantCulture)}:{userId}";

    /// <summary>Adds the emails to <paramref name="db"/> (the caller saves); returns the messages queued now.</summary>
    public IReadOnlyList<OutboxMessage> Queue(
        AsbOpsDbContext db, long caseId, string caseRef, string areaCode, IReadOnlyList<string> subjects, DateTime since,
        IReadOnlyList<(string UserId, string Email)> recipients)
    {
        var wanted = recipients
            .Where(r => !string.IsNullOrWhiteSpace(r.Email))
            .DistinctBy(r => r.UserId)
            .Select(r => (r.UserId, r.Email, Key: DedupKey(caseId, since, r.UserId)))
            .ToList();
        var keys = wanted.Select(w => w.Key).ToList();
        var held = db.Outbox.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToHashSet();
        held.UnionWith(db.Outbox.Local.Select(m => m.DedupKey));

        var link = app.Value.CaseLink(caseRef);
        return wanted
            .Where(w => !held.Contains(w.Key))
            .Select(w => outbox.Enqueue(db, Compose(w.Key, caseId, caseRef, areaCode, subjects, since, w.Email, link)))
            .ToList();
    }

    public static OutgoingEmail Compose(
        string dedupKey, long caseId, string caseRef, string areaCode, IReadOnlyList<string> subjects, DateTime since, string to, string link)
    {
        // UK local time, as the screens show it: a sergeant reading "14:00 UTC" in summer would be an hour out.
        var when = UkTime.ToLocal(since).ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB")) + " (UK time)";
        var subject = $"HIGH RISK: {caseRef} ({areaCode})";
        var text = new StringBuilder()
            .AppendLine($"Case {caseRef} in {areaCode} became HIGH RISK at {when}.")
            .AppendLine()
            .AppendLine("High-risk subjects:");
        foreach (var s in subjects)
        {
            text.AppendLine($"  - {s}");
        }

        text.AppendLine()
            .AppendLine("History markers are placed; an action plan is due within the configured time and the case is reviewed every 14 days.")
            .AppendLine(link);

        var html = new StringBuilder()
            .Append($"<p>Case <strong>{Encode(caseRef)}</strong> in {Encode(areaCode)} became <strong>HIGH RISK</strong> at {Encode(when)}.</p>")
            .Append("<p>High-risk subjects:</p><ul>");
        foreach (var s in subjects)
        {
            html.Append($"<li>{Encode(s)}</li>");
        }

        html.Append("</ul><p>History markers are placed; an action plan is due within the configured time and the case is reviewed every 14 days.</p>")
            .Append($"<p><a href=\"{Encode(link)}\">Open {Encode(caseRef)}</a></p>");
        return new OutgoingEmail(dedupKey, to, subject, text.ToString(), html.ToString(), caseId);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
