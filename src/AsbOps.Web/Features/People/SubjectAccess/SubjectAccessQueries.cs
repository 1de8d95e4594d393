using System.Globalization;
using AsbOps.Domain.Audit;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.People.SubjectAccess;

/// <summary>
/// Gathers every record held about one person for a subject access request, from the cases the requester may see (a
/// compliance officer or administrator: every case): the person and any records merged into them, their cases and
/// roles, their assessments and answers, every note of those cases (shared or not), their victim contacts, referrals
/// about them, their markers, the files of those cases (listed, not attached), the incidents of those cases and the
/// audit of who viewed their records or cases. Other people's names on those records are collected so the workbook can
/// mark them for redaction review. A fixed number of set-based queries, whatever the number of cases.
/// </summary>
public sealed class SubjectAccessQueries(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock)
{
    public const string Roles = "compliance,admin";
    public const int MaxViews = 20_000;

    public static bool MayExport(UserScope user) => user.Role is Security.Roles.Compliance or Security.Roles.Admin;

    public async Task<SubjectAccessData?> LoadAsync(UserScope user, long personId, CancellationToken cancellationToken = default)
    {
        if (!MayExport(user))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        personId = await PersonViewService.ResolveAsync(db, personId, cancellationToken);
        var visible = db.Cases.AsNoTracking().VisibleTo(db, user);
        var participations = db.CaseParticipants.AsNoTracking().Where(p => p.PersonId == personId && visible.Any(c => c.Id == p.CaseId));
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId).FirstOrDefaultAsync(cancellationToken);
        if (person is null || !await participations.AnyAsync(cancellationToken))
        {
            return null;
        }

        var merged = await db.People.AsNoTracking().Where(p => p.MergedIntoId == personId).Select(p => p.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        var areas = db.Areas.AsNoTracking();
        var roles = await participations
            .Select(p => new { p.Id, p.CaseId, p.Role, p.RiskLevel, p.AddedAt, Case = p.Case!, Area = areas.Where(a => a.Id == p.Case!.AreaId).Select(a => a.Code).First() })
            .ToListAsync(cancellationToken);
        var caseIds = roles.Select(r => r.CaseId).Distinct().ToList();
        var participantIds = roles.Select(r => r.Id).ToList();
        var refs = roles.GroupBy(r => r.CaseId).ToDictionary(g => g.Key, g => g.First().Case.Reference);

        var others = await db.CaseParticipants.AsNoTracking()
            .Where(p => caseIds.Contains(p.CaseId) && p.PersonId != personId)
            .Select(p => new { p.CaseId, p.Role, p.Person!.FirstName, p.Person.LastName })
            .ToListAsync(cancellationToken);
        var thirdParties = others
            .Select(o => new ThirdPartyRow(refs[o.CaseId], $"{o.FirstName} {o.LastName}", CaseDisplay.Words(o.Role)))
            .OrderBy(t => t.CaseRef, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var redaction = new RedactionNames(others.Select(o => (o.CaseId, o.FirstName, o.LastName)));

        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.CaseParticipantId != null && participantIds.Contains(a.CaseParticipantId.Value))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.CaseId,
                a.Kind,
                Version = a.GuidanceVersion!.Number,
                a.Status,
                a.CreatedAt,
                a.CompletedAt,
                a.Level,
                a.ComputedLevel,
                a.JudgementLevel,
                a.JudgementRationale,
                a.SafeguardingConcern
            })
            .ToListAsync(cancellationToken);
        var assessmentIds = assessments.Select(a => a.Id).ToList();
        var answers = await db.AssessmentAnswers.AsNoTracking()
            .Where(x => assessmentIds.Contains(x.AssessmentId))
            .OrderBy(x => x.AssessmentId).ThenBy(x => x.Id)
            .Select(x => new { x.AssessmentId, x.QuestionKey, x.Value, x.Explanation })
            .ToListAsync(cancellationToken);
        var assessmentCase = assessments.ToDictionary(a => a.Id, a => a.CaseId);

        var notes = await db.CaseNotes.AsNoTracking().Where(n => caseIds.Contains(n.CaseId)).OrderBy(n => n.WrittenAt).ThenBy(n => n.Id)
            .Select(n => new { n.CaseId, n.WrittenAt, n.AuthorName, n.SharedWith, n.CorrectsNoteId, n.Text })
            .ToListAsync(cancellationToken);
        var contacts = await db.VictimContacts.AsNoTracking().Where(c => participantIds.Contains(c.CaseParticipantId)).OrderBy(c => c.ContactedAt)
            .Select(c => new { c.CaseId, c.ContactedAt, c.Method, c.ByName, c.Outcome, c.NextContactDue })
            .ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.CaseParticipantId != null && participantIds.Contains(r.CaseParticipantId.Value)).OrderBy(r => r.SentAt)
            .Select(r => new { r.CaseId, r.Agency, r.IsSafeguarding, r.Status, r.SentAt, r.Reason, r.OutcomeNote })
            .ToListAsync(cancellationToken);
        var markers = await db.Markers.AsNoTracking().Where(m => m.PersonId == personId && caseIds.Contains(m.CaseId)).OrderBy(m => m.PlacedAt)
            .Select(m => new { m.CaseId, m.RiskLevel, m.PlacedAt, m.EndedAt, m.EndReason })
            .ToListAsync(cancellationToken);
        var files = await db.CaseFiles.AsNoTracking().Where(f => caseIds.Contains(f.CaseId)).OrderBy(f => f.UploadedAt)
            .Select(f => new { f.CaseId, f.FileName, f.ContentType, f.SizeBytes, f.UploadedAt, f.UploadedByName, f.Description, f.SharedWith, f.RetiredAt })
            .ToListAsync(cancellationToken);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.CaseId != null && caseIds.Contains(i.CaseId.Value)).OrderBy(i => i.ReceivedAt)
            .Select(i => new { CaseId = i.CaseId!.Value, i.StormRef, i.ReceivedAt, i.Address, i.Postcode, i.Description, i.ReporterName })
            .ToListAsync(cancellationToken);

        var personKeys = merged.Append(personId).Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var views = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditAction.View
                && ((e.EntityType == PersonViewService.AuditEntityType && personKeys.Contains(e.EntityId))
                    || (e.CaseId != null && caseIds.Contains(e.CaseId.Value))
                    || (e.EntityType == SubjectAccessExport.AuditEntityType && personKeys.Contains(e.EntityId))))
            .OrderBy(e => e.At).ThenBy(e => e.Id).Take(MaxViews)
            .Select(e => new { e.At, e.UserName, e.EntityType, e.EntityId, e.CaseId })
            .ToListAsync(cancellationToken);

        string Ref(long caseId) => refs[caseId];
        return new SubjectAccessData(
            personId, merged,
            new SubjectPersonRow(person.FirstName, person.LastName, person.DateOfBirth, person.Address, person.Postcode, person.Phone,
                person.Vulnerable, person.RepeatVictim, person.SafeguardingConcern),
            roles.OrderBy(r => r.AddedAt).Select(r => new SubjectCaseRow(r.Case.Reference, r.Area, CaseDisplay.Words(r.Case.Category), CaseDisplay.Words(r.Case.Status),
                CaseDisplay.Words(r.Role), CaseDisplay.LevelWord(r.RiskLevel), r.AddedAt, r.Case.OpenedAt, r.Case.ClosedAt, r.Case.Summary)).ToList(),
            assessments.Select(a => new SubjectAssessmentRow(a.Id, Ref(a.CaseId), CaseDisplay.Words(a.Kind), a.Version, CaseDisplay.Words(a.Status), a.CreatedAt,
                a.CompletedAt, CaseDisplay.LevelWord(a.Level), CaseDisplay.LevelWord(a.ComputedLevel), a.JudgementLevel is { } j ? CaseDisplay.LevelWord(j) : null,
                a.JudgementRationale, a.SafeguardingConcern)).ToList(),
            answers.Select(x => new SubjectAnswerRow(x.AssessmentId, Ref(assessmentCase[x.AssessmentId]), x.QuestionKey, x.Value, x.Explanation)).ToList(),
            notes.Select(n => new SubjectNoteRow(Ref(n.CaseId), n.WrittenAt, n.AuthorName, n.SharedWith is { } s ? CaseDisplay.AgencyName(s) : "Force only",
                n.CorrectsNoteId, n.Text, redaction.In(n.CaseId, n.Text))).ToList(),
            contacts.Select(c => new SubjectContactRow(Ref(c.CaseId), c.ContactedAt, CaseDisplay.Words(c.Method), c.ByName, c.Outcome, c.NextContactDue,
                redaction.In(c.CaseId, c.Outcome))).ToList(),
            referrals.Select(r => new SubjectReferralRow(Ref(r.CaseId), CaseDisplay.AgencyName(r.Agency), r.IsSafeguarding, CaseDisplay.Words(r.Status), r.SentAt,
                r.Reason, r.OutcomeNote, redaction.In(r.CaseId, r.Reason, r.OutcomeNote))).ToList(),
            markers.Select(m => new SubjectMarkerRow(Ref(m.CaseId), CaseDisplay.LevelWord(m.RiskLevel), m.PlacedAt, m.EndedAt, m.EndReason)).ToList(),
            files.Select(f => new SubjectFileRow(Ref(f.CaseId), f.FileName, f.ContentType, f.SizeBytes, f.UploadedAt, f.UploadedByName, f.Description,
                f.SharedWith is { } s ? CaseDisplay.AgencyName(s) : "Force only", f.RetiredAt)).ToList(),
            incidents.Select(i => new SubjectIncidentRow(Ref(i.CaseId), i.StormRef, i.ReceivedAt, $"{i.Address} {i.Postcode}".Trim(), i.Description, i.ReporterName,
                redaction.In(i.CaseId, i.Description, i.ReporterName))).ToList(),
            thirdParties,
            views.Select(v => new SubjectViewRow(v.At, v.UserName, $"{v.EntityType} {v.EntityId}", v.CaseId is { } c && refs.TryGetValue(c, out var r) ? r : null)).ToList(),
            clock.GetUtcNow().UtcDateTime,
            user.UserName);
    }

    /// <summary>The other people of each case, by name, to find in the free text of that case's records.</summary>
    private sealed class RedactionNames(IEnumerable<(long CaseId, string FirstName, string LastName)> people)
    {
        private readonly ILookup<long, (string First, string Last)> _byCase = people.ToLookup(p => p.CaseId, p => (p.FirstName, p.LastName));

        public string In(long caseId, params string?[] texts)
        {
            var found = _byCase[caseId]
                .Where(p => texts.Any(t => t is not null && Mentions(t, p.First, p.Last)))
                .Select(p => $"{p.First} {p.Last}")
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return found.Count == 0 ? "" : "Review: " + string.Join("; ", found);
        }

        private static bool Mentions(string text, string first, string last) =>
            (last.Length >= 2 && text.Contains(last, StringComparison.OrdinalIgnoreCase))
            || (first.Length >= 3 && text.Contains(first, StringComparison.OrdinalIgnoreCase));
    }
}
