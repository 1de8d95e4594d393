using AsbOps.Domain.Cases;
using AsbOps.Domain.Email;
using AsbOps.Domain.Reminders;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Reminders;

public sealed record ReminderRunResult(int Queued, int Cancelled, int WithoutRecipient)
{
    public override string ToString() => $"{Queued} reminders queued, {Cancelled} cancelled, {WithoutRecipient} without a recipient";
}

/// <summary>
/// Chases unknown answers: for each current assessment on an open case with an unknown answer, the latest due step
/// of the schedule is queued once (<see cref="OutboxOnce"/>: a Reminder row, unique per (assessment, step), and its email in one transaction).
/// After downtime only the latest step goes out; an answered assessment gets nothing more, and its reminders still
/// waiting in the outbox are cancelled.
/// </summary>
public sealed class UnknownAnswerReminderService(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    OutboxOnce once,
    IOptions<RemindersOptions> options,
    IOptions<AppOptions> app,
    TimeProvider clock,
    ILogger<UnknownAnswerReminderService> logger)
{
    public async Task<ReminderRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var schedule = options.Value.ToSchedule();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var cancelled = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending
                && db.Reminders.Any(r => r.OutboxMessageId == m.Id
                    && db.Assessments.Any(a => a.Id == r.AssessmentId && (a.UnknownCount == 0 || !a.IsCurrent))))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Cancelled)
                .SetProperty(m => m.LastError, "Cancelled: the unknown answers were answered."), cancellationToken);

        var candidates = await (
                from a in db.Assessments.AsNoTracking()
                where a.IsCurrent && a.UnknownCount > 0
                join c in db.Cases on a.CaseId equals c.Id
                where c.Status != CaseStatus.Closed
                join area in db.Areas on c.AreaId equals area.Id
                select new Candidate(
                    a.Id, a.CreatedAt, a.Kind, a.GuidanceVersionId, c.Id, c.Reference,
                    db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.Email).FirstOrDefault()
                        ?? db.Users.Where(u => u.Id == area.SergeantUserId).Select(u => u.Email).FirstOrDefault(),
                    c.LeadOfficerId ?? area.SergeantUserId,
                    a.Participant == null ? null : a.Participant.Person!.FirstName + " " + a.Participant.Person.LastName,
                    db.Reminders.Where(r => r.AssessmentId == a.Id).Max(r => (int?)r.Step)))
            .ToListAsync(cancellationToken);

        var due = candidates
            .Select(c => (Candidate: c, Step: schedule.LatestDueStep(c.CreatedAt, now)))
            .Where(d => d.Step is { } step && step > (d.Candidate.LastStep ?? 0))
            .ToList();
        if (due.Count == 0)
        {
            return new ReminderRunResult(0, cancelled, 0);
        }

        var questions = await UnknownQuestionsAsync(db, due.Select(d => d.Candidate).ToList(), cancellationToken);
        int queued = 0, withoutRecipient = 0;
        foreach (var (candidate, step) in due)
        {
            if (candidate.RecipientEmail is null || candidate.RecipientUserId is null)
            {
                withoutRecipient++;
                logger.LogWarning("Case {Case} has unknown answers but no lead officer or sergeant to remind", candidate.CaseRef);
                continue;
            }

            if (await TryQueueAsync(candidate, step!.Value, questions.GetValueOrDefault(candidate.AssessmentId, []), now, cancellationToken))
            {
                queued++;
            }
        }

        return new ReminderRunResult(queued, cancelled, withoutRecipient);
    }

    private Task<bool> TryQueueAsync(Candidate candidate, int step, IReadOnlyList<string> questions, DateTime now, CancellationToken cancellationToken) =>
        once.TryQueueAsync(
            new Reminder
            {
                AssessmentId = candidate.AssessmentId,
                CaseId = candidate.CaseId,
                Step = step,
                DueAt = candidate.CreatedAt.AddDays(step),
                QueuedAt = now,
                RecipientUserId = candidate.RecipientUserId!,
            },
            (reminder, messageId) => reminder.OutboxMessageId = messageId,
            ReminderEmail.Compose(candidate.AssessmentId, candidate.CaseId, candidate.CaseRef, candidate.Subject,
                candidate.Kind, step, questions, candidate.RecipientEmail!, app.Value.CaseLink(candidate.CaseRef)),
            cancellationToken);

    /// <summary>The text of each unknown question, per assessment, from the guidance version it was made under.</summary>
    private static async Task<Dictionary<long, IReadOnlyList<string>>> UnknownQuestionsAsync(
        AsbOpsDbContext db, IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
    {
        var ids = candidates.Select(c => c.AssessmentId).ToList();
        var versionIds = candidates.Select(c => c.GuidanceVersionId).Distinct().ToList();
        var guidance = await db.GuidanceVersions.AsNoTracking().Where(g => versionIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => g.Definition, cancellationToken);
        var unknown = await db.AssessmentAnswers.AsNoTracking()
            .Where(a => ids.Contains(a.AssessmentId) && a.Value == QuestionDefinition.Unknown)
            .Select(a => new { a.AssessmentId, a.QuestionKey })
            .ToListAsync(cancellationToken);
        var byId = candidates.ToDictionary(c => c.AssessmentId);
        return unknown.GroupBy(u => u.AssessmentId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<string>)g.Select(u =>
                guidance.TryGetValue(byId[g.Key].GuidanceVersionId, out var definition)
                    ? definition.Matrix(byId[g.Key].Kind).FindQuestion(u.QuestionKey)?.Text ?? u.QuestionKey
                    : u.QuestionKey).ToList());
    }

    private sealed record Candidate(
        long AssessmentId, DateTime CreatedAt, AssessmentKind Kind, int GuidanceVersionId, long CaseId, string CaseRef,
        string? RecipientEmail, string? RecipientUserId, string? Subject, int? LastStep);
}
