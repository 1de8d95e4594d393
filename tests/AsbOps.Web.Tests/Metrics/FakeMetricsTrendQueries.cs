using AsbOps.Web.Features.Metrics;

namespace AsbOps.Web.Tests.Metrics;

/// <summary>Trends from memory: returns <see cref="Result"/> and records every filter it was asked for.</summary>
public sealed class FakeMetricsTrendQueries : IMetricsTrendQueries
{
    public static readonly MetricsTrends Empty = new(TrendGrain.Month, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31),
        [new TrendPeriod(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), "Mar 2026", [2])], [], [],
        [new UnknownLifePoint(0, null, 0, null)], [new TimeToFirstPoint(0, 0, null, null)], [],
        [new OverridePoint(0, 0, 0, 0, 0, 0)], [new HighRiskPoint(0, 0, null)], []);

    public MetricsTrends Result { get; set; } = Empty;

    public List<MetricsFilter> Filters { get; } = [];

    public Task<MetricsTrends> LoadAsync(MetricsFilter filter, CancellationToken cancellationToken = default)
    {
        Filters.Add(filter);
        return Task.FromResult(Result);
    }
}
