using System.Linq.Expressions;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Reminders;

public sealed record ReviewReminderRunResult(int Queued, int AlreadySent, int WithoutSergeant)
{
    public override string ToString() => $"{Queued} review reminders queued, {AlreadySent} already sent, {WithoutSergeant} without a sergeant";
}

/// <summary>
/// Emails the area's sergeant once per case per review due date, when the review falls due on the cadence (the same
/// rule-7 predicate as compliance). The outbox key <c>review:{caseId}:{dueDate}</c> makes each reminder happen once
/// across restarts and instances. Cases are walked a page at a time.
/// </summary>
public sealed class ReviewDueReminderService(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    EmailOutbox outbox,
    IOptions<ComplianceOptions> compliance,
    IOptions<AppOptions> app,
    TimeProvider clock)
{
    public const int PageSize = 500;

    public async Task<ReviewReminderRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var thresholds = compliance.Value.ToThresholds();
        int queued = 0, already = 0, without = 0;
        long after = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var rules = new CaseRulePredicates(db, thresholds, now);
            var lookback = now.AddDays(-Math.Max(0, compliance.Value.ReviewReminderLookbackDays));
            var dueNow = rules.ReviewDueBefore(now);
            var dueBeforeLookback = rules.ReviewDueBefore(lookback);
            var notLongOverdue = QueryExpressions.Not(dueBeforeLookback);

            var page = await db.Cases.AsNoTracking()
                .Where(CaseStanding.IsOpen)
                .Where(dueNow)
                .Where(notLongOverdue)
                .Where(c => c.Id > after)
                .OrderBy(c => c.Id)
                .Take(PageSize)
                .Select(c => new
                {
                    c.Id,
                    c.Reference,
                    c.RiskLevel,
                    c.NextReviewDue,
                    c.LastReviewedAt,
                    c.OpenedAt,
                    LeadOfficer = db.Users.Where(u => u.Id == c.LeadOfficerId).Select(u => u.DisplayName).FirstOrDefault(),
                    Sergeant = db.Areas.Where(a => a.Id == c.AreaId)
                        .Select(a => db.Users.Where(u => u.Id == a.SergeantUserId).Select(u => u.Email).FirstOrDefault())
                        .FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            after = page[^1].Id;
            var due = page
                .Select(c => (Case: c, DueAt: rules.ReviewDueAt(c.NextReviewDue, c.LastReviewedAt, c.OpenedAt, c.RiskLevel)))
                .Select(d => (d.Case, d.DueAt, Key: ReviewDueEmail.DedupKey(d.Case.Id, d.DueAt)))
                .ToList();
            var keys = due.Select(d => d.Key).ToList();
            var held = (await db.Outbox.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(cancellationToken)).ToHashSet();
            already += held.Count;
            var toQueue = due.Where(d => !held.Contains(d.Key)).ToList();
            without += toQueue.Count(d => string.IsNullOrEmpty(d.Case.Sergeant));
            var emails = toQueue
                .Where(d => !string.IsNullOrEmpty(d.Case.Sergeant))
                .Select(d => ReviewDueEmail.Compose(d.Case.Id, d.Case.Reference, d.Case.RiskLevel, d.DueAt, d.Case.LeadOfficer,
                    d.Case.Sergeant!, app.Value.CaseLink(d.Case.Reference)))
                .ToList();
            queued += await QueueAsync(db, emails, cancellationToken);
            if (page.Count < PageSize)
            {
                break;
            }
        }

        return new ReviewReminderRunResult(queued, already, without);
    }

    /// <summary>Queues a page at once; if another instance raced on a key, falls back to one at a time.</summary>
    private async Task<int> QueueAsync(AsbOpsDbContext db, IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        foreach (var e in emails)
        {
            outbox.Enqueue(db, e);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return emails.Count;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
        }

        var queued = 0;
        foreach (var e in emails)
        {
            outbox.Enqueue(db, e);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                queued++;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Sent once, by whoever queued it first.
            }

            db.ChangeTracker.Clear();
        }

        return queued;
    }
}
