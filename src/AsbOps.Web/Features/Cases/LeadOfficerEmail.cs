using System.Net;
using AsbOps.Web.Email;

namespace AsbOps.Web.Features.Cases;

/// <summary>The emails telling the old and the new lead officer that a case changed hands.</summary>
public static class LeadOfficerEmail
{
    public static string DedupKey(long caseId, int version, bool toNewLead) => $"lead-officer:{caseId}:{version}:{(toNewLead ? "new" : "old")}";

    public static OutgoingEmail ToNewLead(long caseId, int version, string caseRef, string to, string name, string by, string link) => Compose(
        DedupKey(caseId, version, true), caseId, to, $"{caseRef} is now yours as lead officer",
        $"Dear {name},\n\n{by} has made you the lead officer of case {caseRef}. Its open compliance findings and reminders now come to you.\n\n{link}\n",
        $"<p>Dear {E(name)},</p><p>{E(by)} has made you the lead officer of case <strong>{E(caseRef)}</strong>. Its open compliance findings and reminders now come to you.</p><p><a href=\"{E(link)}\">Open {E(caseRef)}</a></p>");

    public static OutgoingEmail ToOldLead(long caseId, int version, string caseRef, string to, string name, string newLead, string by, string link) => Compose(
        DedupKey(caseId, version, false), caseId, to, $"{caseRef} has moved to {newLead}",
        $"Dear {name},\n\n{by} has made {newLead} the lead officer of case {caseRef} in your place. You will get no more reminders about it.\n\n{link}\n",
        $"<p>Dear {E(name)},</p><p>{E(by)} has made {E(newLead)} the lead officer of case <strong>{E(caseRef)}</strong> in your place. You will get no more reminders about it.</p><p><a href=\"{E(link)}\">Open {E(caseRef)}</a></p>");

    private static OutgoingEmail Compose(string key, long caseId, string to, string subject, string text, string html) =>
        new(key, to, subject, text, html, caseId);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
