using AsbOps.Web.Jobs;
using Coravel.Invocable;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>Scheduled: the case review clocks' reminders to owners and escalations to inspectors.</summary>
public sealed class CaseReviewClockJob(JobRunner runner, CaseReviewClockService clocks) : IInvocable, ICancellableInvocable
{
    public const string Name = "case-review-clocks";

    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.RunAsync(Name, async token => (await clocks.RunAsync(token)).ToString(), CancellationToken);
}
