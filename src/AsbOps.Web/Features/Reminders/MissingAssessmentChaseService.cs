using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Email;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Reminders;

/// <summary>
/// Chases the open findings of rules 1–3, 5 and 6 (their lives, kept by the compliance sweep): the lead officer, then
/// the sergeant, then the inspector of the case's area, on <see cref="MissingAssessmentChaseOptions"/>. Each step is
/// queued once (<see cref="OutboxOnce"/>: a FindingChase row unique per (finding, step), then its email, in one
/// transaction); after downtime only the latest due step goes out; a finding put right gets nothing more and its
/// chases still waiting in the outbox are cancelled. The lead officer is read when the step is sent, so after a
/// reassignment the next step goes to the new lead.
/// </summary>
public sealed class MissingAssessmentChaseService(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    OutboxOnce once,
    IOptions<MissingAssessmentChaseOptions> options,
    IOptions<AppOptions> app,
    TimeProvider clock,
    ILogger<MissingAssessmentChaseService> logger)
{
    public async Task<ReminderRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var schedule = options.Value.ToSchedule();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var cancelled = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending
                && db.FindingChases.Any(c => c.OutboxMessageId == m.Id && db.FindingLives.Any(l => l.Id == c.FindingLifeId && l.PutRightAt != null)))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled)
                .SetProperty(m => m.LastError, "Cancelled: the finding was put right."), cancellationToken);

        var candidates = await (
                from l in db.FindingLives.AsNoTracking()
                where l.PutRightAt == null
                    && (l.Rule == ComplianceRule.VictimWithoutAssessment || l.Rule == ComplianceRule.NoVictimNoLocationAssessment
                        || l.Rule == ComplianceRule.PerpetratorWithoutAssessment || l.Rule == ComplianceRule.SafeguardingWithoutReferral
                        || l.Rule == ComplianceRule.HighRiskWithoutPlanOrMarker)
                join c in db.Cases on l.CaseId equals c.Id
                where c.Status != CaseStatus.Closed
                join area in db.Areas on c.AreaId equals area.Id
                select new Candidate(
                    l.Id, l.CaseId, c.Reference, l.Rule, l.FirstSeenAt,
                    db.CaseParticipants.Where(p => p.Id == l.ParticipantId).Select(p => p.Person!.FirstName + " " + p.Person.LastName).FirstOrDefault(),
                    c.LeadOfficerId,
                    area.SergeantUserId,
                    area.InspectorUserId,
                    db.FindingChases.Where(x => x.FindingLifeId == l.Id).Max(x => (ChaseStep?)x.Step)))
            .ToListAsync(cancellationToken);

        var due = candidates
            .Select(c => (Candidate: c, Step: schedule.LatestDueStep(c.FirstSeenAt, now)))
            .Where(d => d.Step is { } step && step > (d.Candidate.LastStep ?? 0))
            .ToList();
        if (due.Count == 0)
        {
            return new ReminderRunResult(0, cancelled, 0);
        }

        var userIds = due.SelectMany(d => new[] { d.Candidate.LeadOfficerId, d.Candidate.SergeantId, d.Candidate.InspectorId })
            .OfType<string>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id, cancellationToken);

        int queued = 0, withoutRecipient = 0;
        foreach (var (candidate, step) in due)
        {
            var recipientId = step switch
            {
                ChaseStep.LeadOfficer => candidate.LeadOfficerId ?? candidate.SergeantId,
                ChaseStep.Sergeant => candidate.SergeantId,
                _ => candidate.InspectorId,
            };
            if (recipientId is null || !users.TryGetValue(recipientId, out var recipient) || recipient.Email is null)
            {
                withoutRecipient++;
                logger.LogWarning("Case {Case}: no one to chase at step {Step} for rule {Rule}", candidate.CaseRef, step, candidate.Rule);
                continue;
            }

            var lead = candidate.LeadOfficerId is { } leadId && users.TryGetValue(leadId, out var l) ? l.DisplayName : null;
            var email = ChaseEmail.Compose(candidate.LifeId, step!.Value, candidate.CaseId, candidate.CaseRef, candidate.Rule, candidate.Person, lead,
                candidate.FirstSeenAt, recipient.Email, app.Value.CaseLink(candidate.CaseRef));
            var row = new FindingChase
            {
                FindingLifeId = candidate.LifeId,
                CaseId = candidate.CaseId,
                Step = step.Value,
                DueAt = schedule.DueAt(candidate.FirstSeenAt, step.Value),
                QueuedAt = now,
                RecipientUserId = recipientId,
            };
            if (await once.TryQueueAsync(row, (chase, messageId) => chase.OutboxMessageId = messageId, email, cancellationToken))
            {
                queued++;
            }
        }

        return new ReminderRunResult(queued, cancelled, withoutRecipient);
    }

    private sealed record Candidate(
        long LifeId, long CaseId, string CaseRef, ComplianceRule Rule, DateTime FirstSeenAt, string? Person,
        string? LeadOfficerId, string? SergeantId, string? InspectorId, ChaseStep? LastStep);
}
