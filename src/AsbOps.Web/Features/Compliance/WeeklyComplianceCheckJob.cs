using AsbOps.Web.Jobs;
using Coravel.Invocable;

namespace AsbOps.Web.Features.Compliance;

/// <summary>Scheduled weekly: the compliance check, its workbook and its email to the compliance officers.</summary>
public sealed class WeeklyComplianceCheckJob(JobRunner runner, WeeklyComplianceCheck check) : IInvocable, ICancellableInvocable
{
    public const string Name = "weekly-compliance-check";

    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.RunAsync(Name, async token => (await check.RunAsync(token)).ToString(), CancellationToken);
}
