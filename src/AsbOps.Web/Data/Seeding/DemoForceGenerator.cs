namespace AsbOps.Web.Data.Seeding;

/// <summary>What one run of the demo force generator produced.</summary>
public sealed record DemoForceResult(int Cases, int Incidents, int People);

/// <summary>Builds the deterministic demo force. (Being written: see issue 2.)</summary>
public sealed class DemoForceGenerator
{
    public Task<DemoForceResult> GenerateAsync(int scale, CancellationToken cancellationToken = default) =>
        Task.FromResult(new DemoForceResult(0, 0, 0));

    public Task<DemoForceResult> ReplaceAsync(int scale, CancellationToken cancellationToken = default) =>
        GenerateAsync(scale, cancellationToken);
}
