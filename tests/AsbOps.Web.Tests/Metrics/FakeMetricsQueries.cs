using AsbOps.Web.Data;
using AsbOps.Web.Features.Metrics;

namespace AsbOps.Web.Tests.Metrics;

/// <summary>Metrics from memory: returns <see cref="Result"/> and records every filter it was asked for.</summary>
public sealed class FakeMetricsQueries : IMetricsQueries
{
    public static readonly GuidanceMetrics Empty = new([], [], new OverrideSummary(0, 0, []), [],
        new TimeToFirstAssessment(0, null, null, 0), new RemindersPerAssessment(0, 0, 0, 0));

    public GuidanceMetrics Result { get; set; } = Empty;

    public List<MetricsFilter> Filters { get; } = [];

    public IReadOnlyList<GuidanceVersionOption> Versions { get; set; } = [new(1, 1), new(5, 2)];

    public IReadOnlyList<AreaInfo> Areas { get; set; } = [new(1, "NORTH", "North"), new(2, "SOUTH", "South")];

    public Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken cancellationToken = default) => Task.FromResult(Areas);

    public Task<IReadOnlyList<GuidanceVersionOption>> VersionsAsync(CancellationToken cancellationToken = default) => Task.FromResult(Versions);

    public Task<GuidanceMetrics> LoadAsync(MetricsFilter filter, CancellationToken cancellationToken = default)
    {
        Filters.Add(filter);
        return Task.FromResult(Result);
    }
}
