using AsbOps.Web.Jobs;
using Coravel.Invocable;

namespace AsbOps.Web.Features.Reminders;

/// <summary>Scheduled: queues the due unknown-answer reminders.</summary>
public sealed class UnknownAnswerReminderJob(JobRunner runner, UnknownAnswerReminderService reminders) : IInvocable, ICancellableInvocable
{
    public const string Name = "unknown-answer-reminders";

    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.RunAsync(Name, async token => (await reminders.RunAsync(token)).ToString(), CancellationToken);
}
