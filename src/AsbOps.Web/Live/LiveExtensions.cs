namespace AsbOps.Web.Live;

public static class LiveExtensions
{
    public static IServiceCollection AddAsbOpsLive(this IServiceCollection services)
    {
        services.AddSingleton<OpsNotifier>();
        return services;
    }
}
