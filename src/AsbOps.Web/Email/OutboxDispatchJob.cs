using AsbOps.Web.Jobs;
using Coravel.Invocable;

namespace AsbOps.Web.Email;

/// <summary>Scheduled: sends what is waiting in the outbox, then counts what is left for the telemetry gauges.</summary>
public sealed class OutboxDispatchJob(JobRunner runner, OutboxDispatcher dispatcher, OutboxBacklog backlog) : IInvocable, ICancellableInvocable
{
    public const string Name = "outbox-dispatch";

    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.RunAsync(Name, async token =>
    {
        var result = await dispatcher.DispatchAsync(token);
        await backlog.CountAsync(token);
        return result.ToString();
    }, CancellationToken);
}
