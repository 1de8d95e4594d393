using AsbOps.Web.Features.Account;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Features.Metrics;

namespace AsbOps.Web.Features;

/// <summary>One place that registers and maps every feature slice.</summary>
public static class FeatureExtensions
{
    public static IServiceCollection AddAsbOpsFeatures(this IServiceCollection services)
    {
        services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.Section);
        services.AddScoped<IComplianceQueries, ComplianceQueries>();
        services.AddScoped<DashboardQueueQueries>();
        services.AddScoped<IOpsDashboardQueries, OpsDashboardQueries>();
        services.AddScoped<IMetricsQueries, MetricsQueries>();
        return services;
    }

    public static void MapAsbOpsFeatures(this WebApplication app)
    {
        app.MapAccountEndpoints();
    }
}
