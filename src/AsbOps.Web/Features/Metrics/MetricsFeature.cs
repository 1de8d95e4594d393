namespace AsbOps.Web.Features.Metrics;

public static class MetricsFeature
{
    /// <summary>The guidance metrics page and its workbook download.</summary>
    public static IServiceCollection AddMetricsFeature(this IServiceCollection services) =>
        services.AddScoped<IMetricsQueries, MetricsQueries>().AddScoped<IMetricsTrendQueries, MetricsTrendQueries>();

    public static void MapMetricsFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapMetricsEndpoints();
}
