using System.Globalization;
using System.Net;
using AsbOps.Domain.Risk;
using AsbOps.Web.Email;

namespace AsbOps.Web.Features.Reminders;

/// <summary>The wording of a review-due reminder to the area's sergeant.</summary>
public static class ReviewDueEmail
{
    public static string DedupKey(long caseId, DateTime dueDate) =>
        $"review:{caseId}:{dueDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public static OutgoingEmail Compose(long caseId, string caseRef, RiskLevel level, DateTime dueDate, string? leadOfficer, string to, string link)
    {
        var due = dueDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var levelWord = level == RiskLevel.NotAssessed ? "not yet assessed" : level.ToString().ToLowerInvariant() + " risk";
        var subject = $"{caseRef}: sergeant's review due {due}";
        var text =
            $"Case {caseRef} ({levelWord}) is due its sergeant's review on {due}.\n" +
            $"Lead officer: {leadOfficer ?? "unassigned"}.\n\n" +
            $"Review the case and record the review:\n{link}\n";
        var html =
            $"<p>Case <strong>{Encode(caseRef)}</strong> ({Encode(levelWord)}) is due its sergeant's review on <strong>{Encode(due)}</strong>.</p>" +
            $"<p>Lead officer: {Encode(leadOfficer ?? "unassigned")}.</p>" +
            $"<p><a href=\"{Encode(link)}\">Open {Encode(caseRef)}</a></p>";
        return new OutgoingEmail(DedupKey(caseId, dueDate), to, subject, text, html, caseId);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
