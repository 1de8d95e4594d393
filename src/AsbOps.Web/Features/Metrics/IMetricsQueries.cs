using AsbOps.Web.Data;

namespace AsbOps.Web.Features.Metrics;

/// <summary>Risk guidance metrics for the task-and-finish group, computed set-based in the database.</summary>
public interface IMetricsQueries
{
    /// <summary>The areas a filter may name.</summary>
    Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<GuidanceVersionOption>> VersionsAsync(CancellationToken cancellationToken = default);

    Task<GuidanceMetrics> LoadAsync(MetricsFilter filter, CancellationToken cancellationToken = default);
}
