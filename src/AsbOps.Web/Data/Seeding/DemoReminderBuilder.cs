using System.Globalization;
using AsbOps.Domain.Email;
using AsbOps.Domain.Reminders;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// The unknown-answer reminders already sent: every step of the default schedule that has fallen due for a
/// current assessment of an open case, each with its delivered email.
/// </summary>
internal sealed class DemoReminderBuilder(DemoCalendar calendar)
{
    private readonly ReminderSchedule _schedule = ReminderSchedule.Default;

    public void AddFor(Random rng, DemoCaseDraft draft, DemoCasePlan plan, List<DemoSubject> subjects, DemoStaffMember lead)
    {
        if (plan.IsClosed)
        {
            return;
        }

        foreach (var assessment in subjects.Select(s => s.CurrentComplete).OfType<Assessment>().Where(a => a.UnknownCount > 0))
        {
            var latest = _schedule.LatestDueStep(assessment.CreatedAt, calendar.End);
            for (var step = _schedule.Days[0]; latest is { } last && step <= last; step = _schedule.NextStep(step))
            {
                var dueAt = assessment.CreatedAt.AddDays(step);
                var queuedAt = dueAt.AddMinutes(rng.Next(1, 15));
                var reminder = new Reminder
                {
                    Step = step,
                    DueAt = dueAt,
                    QueuedAt = queuedAt,
                    RecipientUserId = lead.Id,
                };
                var subject = string.Create(CultureInfo.InvariantCulture, $"Reminder: unknown answers on {draft.Case.Reference} (day {step})");
                var text = string.Create(CultureInfo.InvariantCulture,
                    $"{lead.DisplayName},\n\nThe {assessment.Kind.ToString().ToLowerInvariant()} assessment on case {draft.Case.Reference} still has {assessment.UnknownCount} question(s) answered unknown. Please find out and update the assessment.\n");
                var email = new OutboxMessage
                {
                    // The real key needs the assessment's id; the batch writer sets it once that is known.
                    DedupKey = "",
                    To = lead.Email,
                    Subject = subject,
                    TextBody = text,
                    HtmlBody = $"<p>{System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal)}</p>",
                    Status = OutboxStatus.Sent,
                    CreatedAt = queuedAt,
                    NextAttemptAt = queuedAt,
                    Attempts = 1,
                    SentAt = queuedAt.AddSeconds(rng.Next(5, 90)),
                };
                draft.Reminders.Add((reminder, email, assessment));
            }
        }
    }

    public static string DedupKey(long assessmentId, int step) =>
        string.Create(CultureInfo.InvariantCulture, $"reminder:{assessmentId}:{step}");
}
