using System.Globalization;
using System.Net;
using System.Text;
using AsbOps.Web.Email;

namespace AsbOps.Web.Features.HighRisk;

/// <summary>The high-risk alert email to an area's sergeant or inspector.</summary>
public static class HighRiskEmail
{
    public static string DedupKey(long caseId, DateTime since, string userId) =>
        string.Create(CultureInfo.InvariantCulture, $"highrisk:{caseId}:{since:yyyyMMddHHmmss}:{userId}");

    public static OutgoingEmail Compose(
        long caseId, string caseRef, string areaCode, IReadOnlyList<string> subjects, DateTime since, string userId, string to, string link)
    {
        var text = new StringBuilder()
            .AppendLine($"Case {caseRef} in {areaCode} became HIGH RISK at {since:dd MMM yyyy HH:mm} UTC.")
            .AppendLine()
            .AppendLine("High-risk subjects (history markers placed for the control room):");
        foreach (var subject in subjects)
        {
            text.AppendLine($"  - {subject}");
        }

        text.AppendLine()
            .AppendLine("An action plan is required; record partner referrals on it. Open the case:")
            .AppendLine(link);

        var html = new StringBuilder()
            .Append($"<p>Case <strong>{Encode(caseRef)}</strong> in {Encode(areaCode)} became <strong>high risk</strong> at {since:dd MMM yyyy HH:mm} UTC.</p>")
            .Append("<p>High-risk subjects (history markers placed for the control room):</p><ul>");
        foreach (var subject in subjects)
        {
            html.Append($"<li>{Encode(subject)}</li>");
        }

        html.Append("</ul><p>An action plan is required; record partner referrals on it.</p>")
            .Append($"<p><a href=\"{Encode(link)}\">Open {Encode(caseRef)}</a></p>");

        return new OutgoingEmail(DedupKey(caseId, since, userId), to, $"HIGH RISK: {caseRef} ({areaCode})", text.ToString(), html.ToString(), caseId);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
