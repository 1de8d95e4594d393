using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.People;

/// <summary>
/// The person view: a fixed handful of projected queries over the person's participations on the cases the reader may
/// see (<see cref="CaseAccess"/>). A person on no visible case reads as unknown, so the page never reveals them. Each
/// view is audited, as case views are.
/// </summary>
public sealed class PersonViewService(IDbContextFactory<AsbOpsDbContext> dbFactory, AuditTrail audit) : IPersonViewService
{
    public const string AuditEntityType = "Person";

    public const int ContactLogLength = 50;

    public async Task<PersonView?> GetAsync(UserScope user, long personId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var asked = personId;
        personId = await ResolveAsync(db, personId, cancellationToken);
        var visible = db.Cases.AsNoTracking().VisibleTo(db, user);
        var participations = db.CaseParticipants.AsNoTracking()
            .Where(p => p.PersonId == personId && visible.Any(c => c.Id == p.CaseId));
        var cases = await participations
            .OrderByDescending(p => p.AddedAt)
            .Select(p => new PersonCaseRow(p.Case!.Reference, p.Case.Status, p.Role, p.RiskLevel, p.Case.RiskLevel, p.AddedAt))
            .ToListAsync(cancellationToken);
        if (cases.Count == 0)
        {
            return null;
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.FirstName, p.LastName, p.DateOfBirth, p.Address, p.Postcode, p.Vulnerable, p.RepeatVictim, p.SafeguardingConcern, p.Version })
            .SingleAsync(cancellationToken);
        var references = db.Cases.AsNoTracking();
        var markers = await db.Markers.AsNoTracking()
            .Where(m => m.PersonId == personId && visible.Any(c => c.Id == m.CaseId))
            .OrderBy(m => m.EndedAt != null).ThenByDescending(m => m.PlacedAt)
            .Select(m => new PersonMarkerRow(references.Where(c => c.Id == m.CaseId).Select(c => c.Reference).First(), m.RiskLevel, m.PlacedAt, m.EndedAt, m.EndReason))
            .ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.CaseParticipantId != null && participations.Any(p => p.Id == r.CaseParticipantId))
            .OrderByDescending(r => r.SentAt)
            .Select(r => new PersonReferralRow(references.Where(c => c.Id == r.CaseId).Select(c => c.Reference).First(), r.Agency, r.IsSafeguarding, r.Status, r.SentAt))
            .ToListAsync(cancellationToken);
        var contacts = await participations.Where(p => p.Role == PersonRole.Victim)
            .Select(p => new PersonContactRow(
                p.Case!.Reference,
                db.VictimContacts.Count(c => c.CaseParticipantId == p.Id),
                db.VictimContactPlans.Where(x => x.CaseParticipantId == p.Id).Select(x => x.LastContactAt).FirstOrDefault(),
                db.VictimContactPlans.Where(x => x.CaseParticipantId == p.Id).Select(x => (DateTime?)x.NextContactDue).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var contactLog = await db.VictimContacts.AsNoTracking()
            .Where(c => participations.Any(p => p.Id == c.CaseParticipantId))
            .OrderByDescending(c => c.ContactedAt).Take(ContactLogLength)
            .Select(c => new PersonContactEntry(references.Where(x => x.Id == c.CaseId).Select(x => x.Reference).First(), c.ContactedAt, c.Method, c.ByName, c.Outcome))
            .ToListAsync(cancellationToken);
        var current = db.Assessments.AsNoTracking()
            .Where(a => a.IsCurrent && a.Status == AssessmentStatus.Complete && participations.Any(p => p.Id == a.CaseParticipantId));
        var vulnerable = await current.AnyAsync(a => a.Answers.Any(x => x.QuestionKey == "vulnerable" && x.Value == "yes"), cancellationToken);
        var safeguarding = await current.AnyAsync(a => a.SafeguardingConcern, cancellationToken) || referrals.Any(r => r.IsSafeguarding);

        await audit.RecordViewAsync(user, AuditEntityType, personId, null, cancellationToken);
        return new PersonView(personId, $"{person.FirstName} {person.LastName}", person.DateOfBirth, person.Address, person.Postcode,
            vulnerable || person.Vulnerable, cases.Count(c => c.Role == PersonRole.Victim) > 1 || person.RepeatVictim,
            safeguarding || person.SafeguardingConcern, cases, markers, referrals, contacts)
        {
            SetFlags = new PersonFlags(person.Vulnerable, person.RepeatVictim, person.SafeguardingConcern),
            Version = person.Version,
            MergedFromId = asked == personId ? null : asked,
            ContactLog = contactLog,
        };
    }

    /// <summary>A merged record's id resolves to the record it was merged into (merges re-point earlier ones, so one step).</summary>
    public static async Task<long> ResolveAsync(AsbOpsDbContext db, long personId, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.MergedIntoId).FirstOrDefaultAsync(cancellationToken) ?? personId;
}
