using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Referrals;

/// <summary>
/// Records referrals and their outcomes. Recording a referral shares the case with the agency in the same save, so the
/// agency's partner users see the case exactly when the referral exists. A partner user may record outcomes of
/// referrals to their own agency on cases shared with them, and nothing else.
/// </summary>
public sealed class ReferralService(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock, OpsNotifier notifier) : IReferralService
{
    public async Task<ReferralsPageModel?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default)
    {
        if (!CaseReference.TryParse(reference, out var parsed))
        {
            return null;
        }

        var canonical = parsed.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Cases.AsNoTracking().VisibleTo(db, user).Where(x => x.Reference == canonical)
            .Select(x => new { x.Id, x.Reference, x.Status, x.OpenedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }

        var people = await db.CaseParticipants.AsNoTracking().Where(p => p.CaseId == c.Id)
            .OrderBy(p => p.Id)
            .Select(p => new PersonOption(p.Id, p.Person!.FirstName + " " + p.Person.LastName, p.Role))
            .ToListAsync(cancellationToken);
        var names = people.ToDictionary(p => p.ParticipantId, p => p.Name);
        var staff = CaseManagementRoles.CanEditPlan(user);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.CaseId == c.Id).OrderBy(r => r.SentAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return new ReferralsPageModel
        {
            CaseId = c.Id,
            Reference = c.Reference,
            Status = c.Status,
            OpenedAt = c.OpenedAt,
            CanRecord = staff && c.Status != CaseStatus.Closed,
            People = staff ? people : [],
            Referrals = referrals.Select(r => new ReferralRow(
                    r.Id, r.Version, r.Agency, r.Reason, r.SentAt, r.Status, r.OutcomeNote, r.IsSafeguarding,
                    r.CaseParticipantId is { } id ? names.GetValueOrDefault(id) : null, r.RespondedAt, r.ClosedAt,
                    r.Status != ReferralStatus.Closed && (staff || CaseManagementRoles.IsPartnerOf(user, r.Agency))))
                .ToList(),
        };
    }

    public async Task<CommandResult> RecordAsync(UserScope user, long caseId, ReferralInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await OpenAsync(user, cancellationToken);
        var @case = await db.Cases.AsNoTracking().VisibleTo(db, user).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || !CaseManagementRoles.CanEditPlan(user))
        {
            return CommandResult.NotFound();
        }

        if (@case.Status == CaseStatus.Closed)
        {
            return CommandResult.Refused($"Case {@case.Reference} is closed; record no new referrals on it.");
        }

        var participants = await db.CaseParticipants.Where(p => p.CaseId == caseId).Select(p => p.Id).ToListAsync(cancellationToken);
        var errors = ReferralValidation.Validate(input, DateOnly.FromDateTime(@case.OpenedAt), DateOnly.FromDateTime(now), participants);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var agency = input.Agency!.Value;
        var sentOn = input.SentOn!.Value;
        var referral = new Referral
        {
            CaseId = caseId,
            CaseParticipantId = input.CaseParticipantId,
            Agency = agency,
            Reason = input.Reason!.Trim(),
            // Today's referral keeps the time it was recorded; an earlier one is dated at midday, which reads as the same day in UK time.
            SentAt = sentOn == DateOnly.FromDateTime(now) ? now : sentOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
            CreatedByUserId = user.UserId,
        };
        db.Referrals.Add(referral);
        await CaseSharing.ShareWithAsync(db, caseId, agency, now, user.UserId, cancellationToken);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Someone shared the case with the same agency at the same moment: nothing was saved; saving again succeeds.
            return CommandResult.Conflict();
        }

        await PublishAsync(db, @case, now, cancellationToken);
        return CommandResult.Saved(referral.Id);
    }

    public async Task<CommandResult> RecordOutcomeAsync(UserScope user, long referralId, ReferralOutcomeInput input, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await OpenAsync(user, cancellationToken);
        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == referralId, cancellationToken);
        var @case = referral is null
            ? null
            : await db.Cases.AsNoTracking().VisibleTo(db, user).SingleOrDefaultAsync(c => c.Id == referral.CaseId, cancellationToken);
        if (referral is null || @case is null)
        {
            return CommandResult.NotFound();
        }

        if (user.IsPartner)
        {
            if (!CaseManagementRoles.IsPartnerOf(user, referral.Agency))
            {
                return CommandResult.Refused("You can record outcomes only of referrals to your own agency.");
            }
        }
        else if (!CaseManagementRoles.CanEditPlan(user))
        {
            return CommandResult.NotFound();
        }

        var errors = ReferralValidation.Validate(input, referral.Status);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        db.Entry(referral).Property(r => r.Version).OriginalValue = input.Version;
        referral.RecordOutcome(input.Status, input.OutcomeNote, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }

        await PublishAsync(db, @case, now, cancellationToken);
        return CommandResult.Saved(referral.Id);
    }

    private async Task<AsbOpsDbContext> OpenAsync(UserScope user, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(string.IsNullOrEmpty(user.UserId) ? null : user.UserId, user.UserName);
        db.Clock = clock;
        return db;
    }

    private async Task PublishAsync(AsbOpsDbContext db, AsbCase @case, DateTime now, CancellationToken cancellationToken)
    {
        var areaCode = await db.Areas.Where(a => a.Id == @case.AreaId).Select(a => a.Code).SingleAsync(cancellationToken);
        notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, areaCode, @case.Reference, now));
    }
}
