namespace AsbOps.Web.Features.Metrics;

/// <summary>The metrics trends (weekly or monthly) for a filter; see <see cref="MetricsTrendQueries"/>.</summary>
public interface IMetricsTrendQueries
{
    Task<MetricsTrends> LoadAsync(MetricsFilter filter, CancellationToken cancellationToken = default);
}
