using AsbOps.Web.Features.Dashboard.Feed;

namespace AsbOps.Web.Features.Dashboard;

public static class DashboardFeature
{
    /// <summary>
    /// The dashboards' queries and kept snapshots, and the live feed: the counters worked out once per window and
    /// pushed to the hub's groups (<see cref="OpsBroadcaster"/>), and the hub at <c>/hubs/ops</c>.
    /// </summary>
    public static IServiceCollection AddDashboardFeature(this IServiceCollection services)
    {
        services.AddScoped<OpenCaseTally>();
        services.AddScoped<DashboardQueueQueries>();
        services.AddScoped<OpsDashboardQueries>();
        services.AddSingleton<DashboardSnapshots>();
        services.AddScoped<IOpsDashboardQueries, SnapshotDashboardQueries>();
        services.AddSingleton<OpsAudience>();
        services.AddOptions<HubLimitsOptions>().BindConfiguration(HubLimitsOptions.Section);
        services.AddSingleton<HubConnectionLimits>();
        services.AddSingleton<OpsCaseSummaries>();
        services.AddSingleton<OpsBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<OpsBroadcaster>());
        return services;
    }

    public static void MapDashboardFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapHub<OpsHub>(OpsHub.Route);
}
