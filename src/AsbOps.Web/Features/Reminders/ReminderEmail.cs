using System.Net;
using System.Text;
using AsbOps.Domain.Risk;
using AsbOps.Web.Email;

namespace AsbOps.Web.Features.Reminders;

/// <summary>The wording of an unknown-answer reminder: which case, whose assessment, what is outstanding, and a link.</summary>
public static class ReminderEmail
{
    public static string DedupKey(long assessmentId, int step) => $"reminder:{assessmentId}:{step}";

    public static OutgoingEmail Compose(
        long assessmentId, long caseId, string caseRef, string? personName, AssessmentKind kind, int step,
        IReadOnlyList<string> questions, string to, string link)
    {
        var whose = kind == AssessmentKind.Location ? "the location assessment" : $"the {kind.ToString().ToLowerInvariant()} assessment of {personName ?? "a person"}";
        var subject = $"{caseRef}: unknown answers still outstanding (day {step})";

        var text = new StringBuilder()
            .AppendLine($"Case {caseRef}: {whose} was created {step} days ago and still has answers recorded as unknown:")
            .AppendLine();
        foreach (var question in questions)
        {
            text.AppendLine($"  - {question}");
        }

        text.AppendLine()
            .AppendLine("Please find out the answers and update the assessment, so the risk is assessed on everything known:")
            .AppendLine(link)
            .AppendLine()
            .AppendLine("You will be reminded again on the schedule until every unknown is answered.");

        var html = new StringBuilder()
            .Append($"<p>Case <strong>{Encode(caseRef)}</strong>: {Encode(whose)} was created {step} days ago and still has answers recorded as <em>unknown</em>:</p><ul>");
        foreach (var question in questions)
        {
            html.Append($"<li>{Encode(question)}</li>");
        }

        html.Append("</ul><p>Please find out the answers and update the assessment, so the risk is assessed on everything known:</p>")
            .Append($"<p><a href=\"{Encode(link)}\">Open {Encode(caseRef)}</a></p>")
            .Append("<p>You will be reminded again on the schedule until every unknown is answered.</p>");

        return new OutgoingEmail(DedupKey(assessmentId, step), to, subject, text.ToString(), html.ToString(), caseId);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
