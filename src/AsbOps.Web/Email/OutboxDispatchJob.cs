using AsbOps.Web.Jobs;
using Coravel.Invocable;

namespace AsbOps.Web.Email;

/// <summary>Scheduled: sends what is waiting in the outbox.</summary>
public sealed class OutboxDispatchJob(JobRunner runner, OutboxDispatcher dispatcher) : IInvocable, ICancellableInvocable
{
    public const string Name = "outbox-dispatch";

    public CancellationToken CancellationToken { get; set; }

    public Task Invoke() => runner.RunAsync(Name, async token => (await dispatcher.DispatchAsync(token)).ToString(), CancellationToken);
}
