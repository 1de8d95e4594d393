namespace AsbOps.Web.Features.Alerts;

public static class AlertsFeature
{
    /// <summary>The signed-in user's alerts and the badge in the header.</summary>
    public static IServiceCollection AddAlertsFeature(this IServiceCollection services) => services.AddScoped<MyAlertsService>();
}
