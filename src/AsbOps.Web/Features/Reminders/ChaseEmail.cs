using System.Net;
using AsbOps.Domain.Compliance;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Email;

namespace AsbOps.Web.Features.Reminders;

/// <summary>The wording of a chase: which case, which rule and for whom, since when, who was chased before, and a link.</summary>
public static class ChaseEmail
{
    public static string DedupKey(long findingLifeId, ChaseStep step) => $"chase:{findingLifeId}:{(int)step}";

    public static OutgoingEmail Compose(
        long findingLifeId, ChaseStep step, long caseId, string caseRef, ComplianceRule rule, string? personName, string? leadOfficer,
        DateTime firstSeenAt, string to, string link)
    {
        var what = ComplianceRuleText.Title(rule) + (personName is null ? "" : $" ({personName})");
        var since = CaseDisplay.DateAndTime(firstSeenAt);
        var (subjectTail, opening) = step switch
        {
            ChaseStep.LeadOfficer => ("please put it right", "You are the lead officer of this case."),
            ChaseStep.Sergeant => ("escalated to the sergeant",
                $"The lead officer ({leadOfficer ?? "none assigned"}) was reminded and it is still outstanding; as the area's sergeant, please see that it is put right."),
            _ => ("escalated to the inspector",
                $"The lead officer ({leadOfficer ?? "none assigned"}) and the sergeant were reminded and it is still outstanding; as the area's inspector, please see that it is put right."),
        };
        var subject = $"{caseRef}: {ComplianceRuleText.Title(rule)} — {subjectTail}";
        var text = $"Case {caseRef} breaks a compliance rule: {what}.\nOutstanding since the sweep of {since}.\n\n{opening}\n\n{link}\n\n" +
                   "This chase stops as soon as the sweep finds it put right.\n";
        var html = $"<p>Case <strong>{Encode(caseRef)}</strong> breaks a compliance rule: {Encode(what)}.</p>" +
                   $"<p>Outstanding since the sweep of {Encode(since)}.</p><p>{Encode(opening)}</p>" +
                   $"<p><a href=\"{Encode(link)}\">Open {Encode(caseRef)}</a></p><p>This chase stops as soon as the sweep finds it put right.</p>";
        return new OutgoingEmail(DedupKey(findingLifeId, step), to, subject, text, html, caseId);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
