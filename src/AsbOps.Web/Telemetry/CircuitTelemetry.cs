using Microsoft.AspNetCore.Components.Server.Circuits;

namespace AsbOps.Web.Telemetry;

/// <summary>Counts the Blazor Server circuits open on this instance (<c>asbops_circuits</c>).</summary>
public sealed class CircuitTelemetry(AsbOpsMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
