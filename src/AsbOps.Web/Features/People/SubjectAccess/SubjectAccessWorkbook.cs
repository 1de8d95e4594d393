using AsbOps.Web.Spreadsheets;
using ClosedXML.Excel;

namespace AsbOps.Web.Features.People.SubjectAccess;

/// <summary>
/// The subject access workbook: a cover sheet saying what it holds and how to release it, then one sheet per kind of
/// record. Free text that names another person of the same case carries "Review: name" in its Redaction review column,
/// and the Third parties sheet lists everyone else on the subject's cases, so nothing is released unreviewed.
/// </summary>
public static class SubjectAccessWorkbook
{
    public static readonly string[] SheetNames =
        ["About", "Person", "Cases", "Assessments", "Answers", "Notes", "Contacts", "Referrals", "Markers", "Files", "Incidents", "Third parties", "Views"];

    public static void Write(SubjectAccessData data, Stream output)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var workbook = new XLWorkbook();
        About(workbook.AddWorksheet("About"), data);

        var person = new SheetTable(workbook.AddWorksheet("Person"), ["Field", "Value"], [24, 60]);
        var p = data.Person;
        person.Row("Record", data.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        person.Row("First name", p.FirstName);
        person.Row("Last name", p.LastName);
        person.Row("Date of birth", p.DateOfBirth);
        person.Row("Address", p.Address);
        person.Row("Postcode", p.Postcode);
        person.Row("Phone", p.Phone);
        person.Row("Flags set by hand", string.Join(", ", new[] { p.Vulnerable ? "vulnerable" : null, p.RepeatVictim ? "repeat victim" : null, p.SafeguardingConcern ? "safeguarding concern" : null }.Where(f => f is not null)));
        person.Row("Records merged into this one", string.Join(", ", data.MergedRecordIds));
        person.Finish();

        Table(workbook, "Cases", ["Case", "Area", "Category", "Status", "Role", "Risk level", "Added", "Opened", "Closed", "Summary"], [18, 12, 14, 12, 16, 12, 16, 16, 16, 50],
            data.Cases.Select(c => new object?[] { c.CaseRef, c.Area, c.Category, c.Status, c.Role, c.RiskLevel, c.AddedAt, c.OpenedAt, c.ClosedAt, c.Summary }));
        Table(workbook, "Assessments", ["Assessment", "Case", "Kind", "Guidance version", "Status", "Created", "Completed", "Level", "Computed level", "Judgement level", "Judgement rationale", "Safeguarding concern"],
            [12, 18, 14, 10, 12, 16, 16, 10, 12, 12, 40, 12],
            data.Assessments.Select(a => new object?[] { (int)a.AssessmentId, a.CaseRef, a.Kind, a.GuidanceVersion, a.Status, a.CreatedAt, a.CompletedAt, a.Level, a.ComputedLevel, a.JudgementLevel, a.JudgementRationale, YesNo(a.SafeguardingConcern) }));
        Table(workbook, "Answers", ["Assessment", "Case", "Question", "Answer", "Explanation"], [12, 18, 28, 16, 50],
            data.Answers.Select(a => new object?[] { (int)a.AssessmentId, a.CaseRef, a.QuestionKey, a.Value, a.Explanation }));
        Table(workbook, "Notes", ["Case", "Written", "Author", "Shared with", "Corrects note", "Text", "Redaction review"], [18, 16, 20, 18, 10, 70, 30],
            data.Notes.Select(n => new object?[] { n.CaseRef, n.WrittenAt, n.Author, n.SharedWith, n.Corrects is { } c ? (int)c : null, n.Text, n.RedactionReview }));
        Table(workbook, "Contacts", ["Case", "When", "How", "By", "Outcome", "Next due", "Redaction review"], [18, 16, 10, 20, 60, 16, 30],
            data.Contacts.Select(c => new object?[] { c.CaseRef, c.ContactedAt, c.Method, c.By, c.Outcome, c.NextContactDue, c.RedactionReview }));
        Table(workbook, "Referrals", ["Case", "Agency", "Safeguarding", "Status", "Sent", "Reason", "Outcome", "Redaction review"], [18, 20, 10, 10, 16, 40, 40, 30],
            data.Referrals.Select(r => new object?[] { r.CaseRef, r.Agency, YesNo(r.Safeguarding), r.Status, r.SentAt, r.Reason, r.OutcomeNote, r.RedactionReview }));
        Table(workbook, "Markers", ["Case", "Risk level", "Placed", "Ended", "Why ended"], [18, 10, 16, 16, 30],
            data.Markers.Select(m => new object?[] { m.CaseRef, m.RiskLevel, m.PlacedAt, m.EndedAt, m.EndReason }));
        Table(workbook, "Files", ["Case", "File", "Type", "Size (bytes)", "Uploaded", "By", "Description", "Shared with", "Retired"], [18, 30, 18, 12, 16, 20, 40, 18, 16],
            data.Files.Select(f => new object?[] { f.CaseRef, f.FileName, f.ContentType, (double)f.SizeBytes, f.UploadedAt, f.UploadedBy, f.Description, f.SharedWith, f.RetiredAt }));
        Table(workbook, "Incidents", ["Case", "Control-room reference", "Received", "Where", "Description", "Reporter", "Redaction review"], [18, 18, 16, 30, 60, 20, 30],
            data.Incidents.Select(i => new object?[] { i.CaseRef, i.StormRef, i.ReceivedAt, i.Address, i.Description, i.ReporterName, i.RedactionReview }));
        Table(workbook, "Third parties", ["Case", "Name", "Role", "Before release"], [18, 30, 16, 40],
            data.ThirdParties.Select(t => new object?[] { t.CaseRef, t.Name, t.Role, "Review for redaction" }));
        Table(workbook, "Views", ["When", "Who", "Record", "Case"], [16, 30, 24, 18],
            data.Views.Select(v => new object?[] { v.At, v.UserName, v.Record, v.CaseRef }));
        workbook.SaveAs(output);
    }

    private static void About(IXLWorksheet ws, SubjectAccessData data)
    {
        ws.Column(1).Width = 110;
        string[] lines =
        [
            $"Subject access: every record AsbOps holds about person {data.PersonId} ({data.Person.FirstName} {data.Person.LastName}).",
            $"Produced {Components.Shared.CaseDisplay.DateAndTime(data.ProducedAt)} by {data.ProducedBy}; the export itself is in the audit trail.",
            $"{data.Cases.Count} case role(s), {data.Assessments.Count} assessment(s), {data.Notes.Count} note(s) of those cases, {data.Contacts.Count} contact(s), {data.Referrals.Count} referral(s), {data.Markers.Count} marker(s), {data.Files.Count} file(s) listed, {data.Views.Count} view(s) of their records.",
            "Before release: other people's names appear on these records. The 'Third parties' sheet lists everyone else on the same cases,",
            "and each free-text row that names one of them says so in its 'Redaction review' column. Review (and redact where needed) before sending.",
            "Notes of the subject's cases are all included, shared with a partner or not; file contents are listed, not attached.",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            SheetTable.Text(ws.Cell(i + 1, 1), lines[i]);
        }

        ws.Cell(1, 1).Style.Font.Bold = true;
    }

    private static void Table(XLWorkbook workbook, string name, string[] headers, double[] widths, IEnumerable<object?[]> rows)
    {
        var table = new SheetTable(workbook.AddWorksheet(name), headers, widths);
        foreach (var row in rows)
        {
            table.Row(row);
        }

        table.Finish();
    }

    private static string YesNo(bool value) => value ? "Yes" : "No";
}
