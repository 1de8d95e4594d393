using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseRecord.Contacts;

/// <summary>
/// The victim contact log: each victim's agreed frequency, the contacts made, and when the next is due. A logged contact
/// sets the next due date; a changed frequency moves it to that many days after the last contact (or after the victim
/// was added). Staff only: partners do not see the log. Saves are audited by the context, and publish a change so the
/// dashboard's overdue counter moves.
/// </summary>
public sealed class VictimContactService(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock, OpsNotifier notifier)
    : IVictimContactService, IOverdueContacts
{
    public async Task<VictimContactsModel?> ReadAsync(UserScope user, long caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await CaseRecordAccess.FindAsync(db, user, caseId, cancellationToken);
        if (@case is null || user.IsPartner)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var victims = await Victims(db, caseId).ToListAsync(cancellationToken);
        var plans = await db.VictimContactPlans.AsNoTracking().Where(p => p.CaseId == caseId).ToDictionaryAsync(p => p.CaseParticipantId, cancellationToken);
        var contacts = (await db.VictimContacts.AsNoTracking().Where(c => c.CaseId == caseId)
                .OrderByDescending(c => c.ContactedAt).ThenByDescending(c => c.Id)
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.CaseParticipantId);
        var rows = victims.Select(v =>
        {
            var plan = plans.GetValueOrDefault(v.Id);
            var due = plan?.NextContactDue ?? v.AddedAt.AddDays(ContactSchedule.DefaultFrequencyDays(v.RiskLevel));
            return new VictimContactRow(v.Id, v.Name, v.RiskLevel, ContactSchedule.FrequencyDays(plan?.FrequencyDays, v.RiskLevel),
                plan?.FrequencyDays is not null, due, @case.IsOpen && ContactSchedule.IsOverdue(due, now), plan?.LastContactAt, plan?.Version ?? 0,
                contacts[v.Id].Select(c => new VictimContactView(c.Id, c.ContactedAt, c.Method, c.ByName, c.Outcome, c.NextContactDue)).ToList());
        }).ToList();
        return new VictimContactsModel(rows, @case.IsOpen && CaseRecordAccess.CanWrite(user));
    }

    public async Task<IReadOnlyList<OverdueVictimContact>> OverdueAsync(UserScope user, long caseId, CancellationToken cancellationToken = default)
    {
        var model = await ReadAsync(user, caseId, cancellationToken);
        return model is null
            ? []
            : model.Victims.Where(v => v.Overdue).Select(v => new OverdueVictimContact(v.ParticipantId, v.Name, v.NextContactDue)).ToList();
    }

    public async Task<CommandResult> LogAsync(UserScope user, long caseId, VictimContactInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await CaseRecordAccess.OpenAsync(dbFactory, user, clock, cancellationToken);
        var @case = await CaseRecordAccess.FindAsync(db, user, caseId, cancellationToken);
        var victim = @case is null ? null : await Victims(db, caseId, input.ParticipantId).FirstOrDefaultAsync(cancellationToken);
        if (@case is null || victim is null || !CaseRecordAccess.CanWrite(user))
        {
            return CommandResult.NotFound();
        }

        if (!@case.IsOpen)
        {
            return CommandResult.Refused($"Case {@case.Reference} is closed; log no new contacts on it.");
        }

        var today = DateOnly.FromDateTime(now);
        var errors = VictimContactValidation.Validate(input, DateOnly.FromDateTime(victim.AddedAt), today);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var contactedOn = DateOnly.FromDateTime(input.ContactedOn!.Value);
        // Today's contact keeps the time it was logged; an earlier one, and every due date, is placed at midday (UK same day).
        var contactedAt = contactedOn == today ? now : Midday(contactedOn);
        var nextDue = Midday(DateOnly.FromDateTime(input.NextContactDueOn!.Value));
        var contact = new VictimContact
        {
            CaseId = caseId,
            CaseParticipantId = victim.Id,
            ContactedAt = contactedAt,
            Method = input.Method!.Value,
            ByUserId = string.IsNullOrEmpty(user.UserId) ? null : user.UserId,
            ByName = await CaseRecordAccess.DisplayNameAsync(db, user, cancellationToken),
            Outcome = input.Outcome!.Trim(),
            NextContactDue = nextDue,
        };
        db.VictimContacts.Add(contact);
        var plan = await db.VictimContactPlans.FirstOrDefaultAsync(p => p.CaseParticipantId == victim.Id, cancellationToken);
        if (plan is null)
        {
            db.VictimContactPlans.Add(new VictimContactPlan { CaseId = caseId, CaseParticipantId = victim.Id, LastContactAt = contactedAt, NextContactDue = nextDue, Version = 1 });
        }
        else if (plan.LastContactAt is null || contactedAt >= plan.LastContactAt)
        {
            // A contact logged late, older than the latest, is kept in the log but does not move the due date back.
            plan.LastContactAt = contactedAt;
            plan.NextContactDue = nextDue;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException update && DbErrors.IsUniqueViolation(update)))
        {
            return CommandResult.Conflict();
        }

        await PublishAsync(db, @case, now, cancellationToken);
        return CommandResult.Saved(contact.Id);
    }

    public async Task<CommandResult> SetFrequencyAsync(UserScope user, long caseId, ContactFrequencyInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await CaseRecordAccess.OpenAsync(dbFactory, user, clock, cancellationToken);
        var @case = await CaseRecordAccess.FindAsync(db, user, caseId, cancellationToken);
        var victim = @case is null ? null : await Victims(db, caseId, input.ParticipantId).FirstOrDefaultAsync(cancellationToken);
        if (@case is null || victim is null || !CaseRecordAccess.CanWrite(user))
        {
            return CommandResult.NotFound();
        }

        if (!@case.IsOpen)
        {
            return CommandResult.Refused($"Case {@case.Reference} is closed; its contact plans no longer change.");
        }

        var errors = VictimContactValidation.Validate(input);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var plan = await db.VictimContactPlans.FirstOrDefaultAsync(p => p.CaseParticipantId == victim.Id, cancellationToken);
        if (plan is null ? input.Version != 0 : plan.Version != input.Version)
        {
            return CommandResult.Conflict();
        }

        if (plan is null)
        {
            // A new plan starts at version 1: 0 is what a reader holds for a victim without one.
            plan = new VictimContactPlan { CaseId = caseId, CaseParticipantId = victim.Id, Version = 1 };
            db.VictimContactPlans.Add(plan);
        }
        else
        {
            db.Entry(plan).Property(p => p.Version).OriginalValue = input.Version;
        }

        plan.FrequencyDays = input.FrequencyDays;
        plan.NextContactDue = (plan.LastContactAt ?? victim.AddedAt).AddDays(ContactSchedule.FrequencyDays(input.FrequencyDays, victim.RiskLevel));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException update && DbErrors.IsUniqueViolation(update)))
        {
            return CommandResult.Conflict();
        }

        await PublishAsync(db, @case, now, cancellationToken);
        return CommandResult.Saved(plan.Id);
    }

    private sealed record Victim(long Id, string Name, Domain.Risk.RiskLevel RiskLevel, DateTime AddedAt);

    private static IQueryable<Victim> Victims(AsbOpsDbContext db, long caseId, long? participantId = null) =>
        db.CaseParticipants.AsNoTracking()
            .Where(p => p.CaseId == caseId && p.Role == PersonRole.Victim && (participantId == null || p.Id == participantId))
            .OrderBy(p => p.Id)
            .Select(p => new Victim(p.Id, p.Person!.FirstName + " " + p.Person.LastName, p.RiskLevel, p.AddedAt));

    private static DateTime Midday(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    private async Task PublishAsync(AsbOpsDbContext db, VisibleCase @case, DateTime now, CancellationToken cancellationToken)
    {
        var areaCode = await db.Areas.Where(a => a.Id == @case.AreaId).Select(a => a.Code).FirstOrDefaultAsync(cancellationToken);
        notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, areaCode, @case.Reference, now));
    }
}
