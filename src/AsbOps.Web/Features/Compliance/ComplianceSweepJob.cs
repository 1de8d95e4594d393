using AsbOps.Web.Jobs;
using Coravel.Invocable;

namespace AsbOps.Web.Features.Compliance;

/// <summary>Scheduled: stores a compliance snapshot of every open case and publishes the new counters.</summary>
public sealed class ComplianceSweepJob(JobRunner runner, ComplianceSweepService sweep) : IInvocable, ICancellableInvocable
{
    public const string Name = "compliance-sweep";

    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.RunAsync(Name, async token => (await sweep.SweepAsync(token)).ToString(), CancellationToken);
}
