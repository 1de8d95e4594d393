using AsbOps.Web.Jobs;
using Coravel.Invocable;

namespace AsbOps.Web.Features.Reminders;

/// <summary>Scheduled: queues the due chases of missing assessments (rules 1–3, 5 and 6).</summary>
public sealed class MissingAssessmentChaseJob(JobRunner runner, MissingAssessmentChaseService chase) : IInvocable, ICancellableInvocable
{
    public const string Name = "missing-assessment-chase";

    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.RunAsync(Name, async token => (await chase.RunAsync(token)).ToString(), CancellationToken);
}
