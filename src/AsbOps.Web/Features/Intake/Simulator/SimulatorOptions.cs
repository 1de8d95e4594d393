namespace AsbOps.Web.Features.Intake.Simulator;

/// <summary>
/// Section <c>Simulator</c>: a demo control-room feed that posts incidents through the public API.
/// Turned on by <c>--simulate-feed</c> on the command line or <c>Simulator:Enabled=true</c>.
/// </summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public bool Enabled { get; set; }

    /// <summary>Seconds between incidents (a little jitter is added).</summary>
    public double IntervalSeconds { get; set; } = 5;

    /// <summary>The plain API key with incidents:write the simulator sends (the Development demo key by default).</summary>
    public string ApiKey { get; set; } = "demo-storm-key-2026";

    /// <summary>Stops after this many incidents (0 = until the app stops).</summary>
    public int MaxIncidents { get; set; }
}
