using AsbOps.Web.Features.Dashboard;

namespace AsbOps.Web.Live;

public static class LiveExtensions
{
    public const string RedisSetting = "Redis:Configuration";

    /// <summary>
    /// The notifier, the hub and its broadcaster; with <c>Redis:Configuration</c> set, the SignalR Redis backplane and
    /// the bridge that carries every change to every instance's notifier.
    /// </summary>
    public static IServiceCollection AddAsbOpsLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OpsNotifier>();
        services.AddSingleton<OpsChangeOrigin>();
        services.AddSingleton<OpsAudience>();
        services.AddSingleton<OpsCaseSummaries>();
        services.AddSingleton<OpsBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<OpsBroadcaster>());

        var signalR = services.AddSignalR();
        var redis = configuration[RedisSetting];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, options =>
            {
                options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("asbops");
                options.Configuration.AbortOnConnectFail = false;
            });
            services.AddSingleton(new OpsRedisBridgeOptions(redis));
            services.AddHostedService<OpsRedisBridge>();
        }

        return services;
    }

    public static void MapAsbOpsLive(this WebApplication app) => app.MapHub<OpsHub>(OpsHub.Route);
}
