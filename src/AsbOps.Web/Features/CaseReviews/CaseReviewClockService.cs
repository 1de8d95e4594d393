using System.Globalization;
using System.Net;
using AsbOps.Domain.CaseReviews;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.CaseReviews;

public sealed record CaseReviewClockRunResult(int Reminders, int Escalations, int WithoutRecipient)
{
    public override string ToString() => $"{Reminders} case review reminders and {Escalations} escalations queued, {WithoutRecipient} without a recipient";
}

/// <summary>
/// Runs the case review clocks: on the working day before a step is due (and up to its due day, if a run was missed)
/// the owner is reminded; from the day after it is due, still not done, the area's inspector is told. Each happens once
/// for a step and due date, across runs and instances: the outbox's unique key
/// <c>casereview:{id}:{step}:{due}:{reminder|escalation}</c> holds it. Only running clocks are read (an index on the
/// stored next due date).
/// </summary>
public sealed class CaseReviewClockService(
    IDbContextFactory<AsbOpsDbContext> dbFactory, EmailOutbox outbox, CaseReviewOptions options, IOptions<AppOptions> app, TimeProvider clock)
{
    public const int PageSize = 500;

    public async Task<CaseReviewClockRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock.GetUtcNow().UtcDateTime);
        var reminderHorizon = options.Clock.Calendar.AddWorkingDays(today, 1);
        int reminders = 0, escalations = 0, without = 0;
        long after = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Every running clock whose earliest undone step is due by the next working day, or is overdue.
            var page = await db.CaseReviewApplications.AsNoTracking()
                .Where(a => a.NextStepDueOn != null && a.NextStepDueOn <= reminderHorizon && a.Id > after)
                .OrderBy(a => a.Id)
                .Take(PageSize)
                .Select(a => new
                {
                    Application = a,
                    Owner = db.Users.Where(u => u.Id == a.OwnerUserId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefault(),
                    Inspector = db.Areas.Where(x => x.Id == a.AreaId)
                        .Select(x => db.Users.Where(u => u.Id == x.InspectorUserId).Select(u => u.Email).FirstOrDefault())
                        .FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            after = page[^1].Application.Id;
            foreach (var row in page)
            {
                var a = row.Application;
                foreach (var step in options.Clock.Steps(a.Progress()).Where(s => s.DoneOn is null))
                {
                    var link = app.Value.Link($"/case-reviews/{a.Reference}");
                    if (today >= options.Clock.ReminderDay(step) && today <= step.DueOn)
                    {
                        if (string.IsNullOrEmpty(row.Owner?.Email))
                        {
                            without++;
                        }
                        else if (await TryQueueAsync(db, CaseReviewEmails.Reminder(a, step, row.Owner.Email, link), cancellationToken))
                        {
                            reminders++;
                        }
                    }
                    else if (today >= CaseReviewClock.EscalationDay(step))
                    {
                        if (string.IsNullOrEmpty(row.Inspector))
                        {
                            without++;
                        }
                        else if (await TryQueueAsync(db, CaseReviewEmails.Escalation(a, step, row.Owner?.DisplayName, row.Inspector, link), cancellationToken))
                        {
                            escalations++;
                        }
                    }
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        return new CaseReviewClockRunResult(reminders, escalations, without);
    }

    /// <summary>Queues the email unless its key is already in the outbox (sent before, or by another instance just now).</summary>
    private async Task<bool> TryQueueAsync(AsbOpsDbContext db, OutgoingEmail email, CancellationToken cancellationToken)
    {
        if (await db.Outbox.AnyAsync(m => m.DedupKey == email.DedupKey, cancellationToken))
        {
            return false;
        }

        outbox.Enqueue(db, email);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>The wording of the case review clock's emails.</summary>
public static class CaseReviewEmails
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string DedupKey(long id, CaseReviewStep step, DateOnly due, string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"casereview:{id}:{step}:{due:yyyyMMdd}:{kind}");

    public static string StepWords(CaseReviewStep step) => step switch
    {
        CaseReviewStep.Acknowledge => "acknowledge the application",
        CaseReviewStep.Decide => "decide whether the threshold is met",
        CaseReviewStep.HoldReview => "hold the review meeting",
        _ => "tell the applicant the outcome",
    };

    public static OutgoingEmail Reminder(CaseReviewApplication a, CaseReviewStepDue step, string to, string link)
    {
        var due = step.DueOn.ToString("dddd d MMMM yyyy", British);
        var subject = $"{a.Reference}: {StepWords(step.Step)} by {due}";
        var text = $"ASB Case Review {a.Reference} ({a.ApplicantName}): {StepWords(step.Step)} by {due}.\n\nOpen the application:\n{link}\n";
        var html = $"<p>ASB Case Review <strong>{E(a.Reference)}</strong> ({E(a.ApplicantName)}): {E(StepWords(step.Step))} by <strong>{E(due)}</strong>.</p>" +
            $"<p><a href=\"{E(link)}\">Open {E(a.Reference)}</a></p>";
        return new OutgoingEmail(DedupKey(a.Id, step.Step, step.DueOn, "reminder"), to, subject, text, html, a.CaseId);
    }

    public static OutgoingEmail Escalation(CaseReviewApplication a, CaseReviewStepDue step, string? owner, string to, string link)
    {
        var due = step.DueOn.ToString("dddd d MMMM yyyy", British);
        var subject = $"Overdue: {a.Reference} — {StepWords(step.Step)} was due {due}";
        var text = $"ASB Case Review {a.Reference} ({a.ApplicantName}) is overdue: {StepWords(step.Step)} was due {due}.\n" +
            $"Owner: {owner ?? "none"}.\n\nOpen the application:\n{link}\n";
        var html = $"<p>ASB Case Review <strong>{E(a.Reference)}</strong> ({E(a.ApplicantName)}) is <strong>overdue</strong>: " +
            $"{E(StepWords(step.Step))} was due {E(due)}.</p><p>Owner: {E(owner ?? "none")}.</p><p><a href=\"{E(link)}\">Open {E(a.Reference)}</a></p>";
        return new OutgoingEmail(DedupKey(a.Id, step.Step, step.DueOn, "escalation"), to, subject, text, html, a.CaseId);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
