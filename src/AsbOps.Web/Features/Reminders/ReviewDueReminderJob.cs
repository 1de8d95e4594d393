using AsbOps.Web.Jobs;
using Coravel.Invocable;

namespace AsbOps.Web.Features.Reminders;

/// <summary>Scheduled: queues the sergeants' review-due reminders.</summary>
public sealed class ReviewDueReminderJob(JobRunner runner, ReviewDueReminderService reminders) : IInvocable, ICancellableInvocable
{
    public const string Name = "review-due-reminders";

    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.RunAsync(Name, async token => (await reminders.RunAsync(token)).ToString(), CancellationToken);
}
