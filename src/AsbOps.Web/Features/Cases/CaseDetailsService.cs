using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// Reads one case for one user with a short-lived context and a fixed number of set-based, projected queries
/// (one per section), never one per row.
/// </summary>
public sealed class CaseDetailsService(IDbContextFactory<AsbOpsDbContext> dbFactory, AuditTrail audit, TimeProvider clock, RepeatThresholds thresholds)
    : ICaseDetailsService
{
    public const string AuditEntityType = "Case";

    public async Task<CaseDetails?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default)
    {
        if (!CaseReference.TryParse(reference, out var parsed))
        {
            return null;
        }

        var canonical = parsed.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var header = await db.Cases.AsNoTracking().VisibleTo(db, user)
            .Where(c => c.Reference == canonical)
            .Select(c => new
            {
                Case = c,
                Area = db.Areas.Where(a => a.Id == c.AreaId).Select(a => new { a.Code, a.Name }).FirstOrDefault(),
                LeadOfficer = db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (header is null)
        {
            return null;
        }

        var c = header.Case;
        var people = await ReadPeopleAsync(db, c.Id, cancellationToken);
        var assessments = await new CaseAssessmentsReader(db).ReadAsync(c.Id, c.Address, people, now, cancellationToken);
        var internalDetail = !user.IsPartner;
        return new CaseDetails
        {
            Id = c.Id,
            Reference = c.Reference,
            AreaCode = header.Area?.Code ?? "",
            AreaName = header.Area?.Name ?? "",
            Category = c.Category,
            Status = c.Status,
            ClosureReason = c.ClosureReason,
            OpenedAt = c.OpenedAt,
            ClosedAt = c.ClosedAt,
            LeadOfficerName = header.LeadOfficer,
            RiskLevel = c.RiskLevel,
            HighRiskSince = c.HighRiskSince,
            LastReviewedAt = c.LastReviewedAt,
            NextReviewDue = c.NextReviewDue,
            ReviewOverdue = c.Status != CaseStatus.Closed && c.NextReviewDue < now,
            CommunityTrigger = c.CommunityTrigger,
            Address = c.Address,
            Postcode = c.Postcode,
            Summary = c.Summary,
            ShowsInternalDetail = internalDetail,
            Incidents = await ReadIncidentsAsync(db, c.Id, cancellationToken),
            People = people,
            CurrentAssessments = assessments.Where(a => a.IsCurrent).ToList(),
            SupersededAssessments = assessments.Where(a => !a.IsCurrent).ToList(),
            ActionPlan = await ReadActionPlanAsync(db, c.Id, DateOnly.FromDateTime(now), cancellationToken),
            Referrals = await ReadReferralsAsync(db, c.Id, people, user.IsPartner ? user.Agency : null, user.IsPartner, cancellationToken),
            ActiveMarkers = await ReadMarkersAsync(db, c.Id, active: true, cancellationToken),
            EndedMarkers = await ReadMarkersAsync(db, c.Id, active: false, cancellationToken),
            Reminders = internalDetail ? await ReadRemindersAsync(db, c.Id, assessments, cancellationToken) : [],
            PossibleDuplicates = internalDetail ? await PossibleDuplicateFinder.FindAsync(db, user, c, thresholds, cancellationToken) : [],
        };
    }

    public Task RecordViewAsync(UserScope user, long caseId, CancellationToken cancellationToken = default) =>
        audit.RecordViewAsync(user, AuditEntityType, caseId, caseId, cancellationToken);

    private static async Task<IReadOnlyList<CasePersonView>> ReadPeopleAsync(AsbOpsDbContext db, long caseId, CancellationToken cancellationToken)
    {
        var people = await db.CaseParticipants.AsNoTracking()
            .Where(p => p.CaseId == caseId)
            .Select(p => new CasePersonView(
                p.Id, p.Person!.FirstName + " " + p.Person.LastName, p.Role, p.RiskLevel, p.Person.DateOfBirth,
                p.Person.Address, p.Person.Postcode, p.AddedAt, false)
            {
                // The person view's flags: set by hand, or drawn from the person's current assessment and other cases.
                PersonId = p.PersonId,
                Vulnerable = p.Person.Vulnerable || db.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent
                    && a.Status == AssessmentStatus.Complete && a.Answers.Any(x => x.QuestionKey == "vulnerable" && x.Value == "yes")),
                RepeatVictim = p.Person.RepeatVictim
                    || (p.Role == PersonRole.Victim && db.CaseParticipants.Count(o => o.PersonId == p.PersonId && o.Role == PersonRole.Victim) > 1),
                SafeguardingConcern = p.Person.SafeguardingConcern
                    || db.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete && a.SafeguardingConcern),
            })
            .ToListAsync(cancellationToken);

        // Role is stored as a word, so order by its enum value here: victims first, then perpetrators, witnesses…
        return people
            .Select(p => p with { RequiresAssessment = p.Role is PersonRole.Victim or PersonRole.Perpetrator })
            .OrderBy(p => p.Role).ThenBy(p => p.ParticipantId)
            .ToList();
    }

    private static async Task<IReadOnlyList<CaseIncidentView>> ReadIncidentsAsync(AsbOpsDbContext db, long caseId, CancellationToken cancellationToken)
    {
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == caseId)
            .OrderBy(i => i.ReceivedAt)
            .Select(i => new { Incident = i, i.Screening })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var i = r.Incident;
            var t = i.Thrive;
            var s = r.Screening;
            return new CaseIncidentView(i.Id, i.StormRef, i.ReceivedAt, i.Address, i.Postcode, i.Description,
                new CaseThriveView(t.Threat, t.Harm, t.Risk, t.Investigation, t.Vulnerability, t.Engagement, t.Grade),
                s is null ? null : new CaseScreeningView(s.ScreenedAt, s.HarassmentAlarmDistress, s.Letters, s.ShouldBeCaseManaged, s.Notes));
        }).ToList();
    }

    private static async Task<CaseActionPlanView?> ReadActionPlanAsync(AsbOpsDbContext db, long caseId, DateOnly today, CancellationToken cancellationToken)
    {
        var plan = await db.ActionPlans.AsNoTracking()
            .Where(p => p.CaseId == caseId)
            .Select(p => new { p.CreatedAt, p.Objective, Actions = p.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        return plan is null
            ? null
            : new CaseActionPlanView(plan.CreatedAt, plan.Objective, plan.Actions
                .Select(a => new CaseActionView(a.Type, a.Description, a.OwnerName, a.DueDate, a.Status, a.CompletedAt, a.IsOverdue(today)))
                .ToList());
    }

    /// <summary>A partner sees only the referrals made to their own agency; staff see every referral.</summary>
    private static async Task<IReadOnlyList<CaseReferralView>> ReadReferralsAsync(
        AsbOpsDbContext db, long caseId, IReadOnlyList<CasePersonView> people, Domain.Referrals.Agency? partnerAgency, bool isPartner,
        CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.CaseId == caseId && (!isPartner || r.Agency == partnerAgency))
            .OrderBy(r => r.SentAt).ToListAsync(cancellationToken);
        var names = people.ToDictionary(p => p.ParticipantId, p => p.Name);
        return referrals.Select(r => new CaseReferralView(
                r.Agency, r.Reason, r.SentAt, r.Status, r.OutcomeNote, r.IsSafeguarding, r.SafeguardingConcerns, r.ConsentToShare,
                r.ImmediateActions, r.IsComplete,
                r.CaseParticipantId is { } id ? names.GetValueOrDefault(id) : null))
            .ToList();
    }

    private static async Task<IReadOnlyList<CaseMarkerView>> ReadMarkersAsync(AsbOpsDbContext db, long caseId, bool active, CancellationToken cancellationToken) =>
        await db.Markers.AsNoTracking()
            .Where(m => m.CaseId == caseId && (m.EndedAt == null) == active)
            .OrderBy(m => m.PlacedAt).ThenBy(m => m.Id)
            .Select(m => new CaseMarkerView(m.SubjectType, m.Subject, m.Postcode, m.RiskLevel, m.PlacedAt, m.EndedAt, m.EndReason))
            .ToListAsync(cancellationToken);

    private static async Task<IReadOnlyList<CaseReminderView>> ReadRemindersAsync(
        AsbOpsDbContext db, long caseId, IReadOnlyList<CaseAssessmentView> assessments, CancellationToken cancellationToken)
    {
        var reminders = await db.Reminders.AsNoTracking()
            .Where(r => r.CaseId == caseId)
            .OrderBy(r => r.QueuedAt).ThenBy(r => r.Step)
            .Select(r => new
            {
                r.AssessmentId,
                r.Step,
                r.DueAt,
                r.QueuedAt,
                Recipient = db.Users.Where(u => u.Id == r.RecipientUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var subjects = assessments.ToDictionary(a => a.Id, a => a.Subject);
        return reminders
            .Select(r => new CaseReminderView(r.Step, r.DueAt, r.QueuedAt, subjects.GetValueOrDefault(r.AssessmentId) ?? "", r.Recipient))
            .ToList();
    }
}
