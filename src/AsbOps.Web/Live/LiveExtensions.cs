namespace AsbOps.Web.Live;

public static class LiveExtensions
{
    public const string RedisSetting = "Redis:Configuration";

    /// <summary>
    /// The notifier and SignalR (the dashboard slice maps its hub on it); with <c>Redis:Configuration</c> set, the SignalR Redis backplane and
    /// the bridge that carries every change to every instance's notifier.
    /// </summary>
    public static IServiceCollection AddAsbOpsLive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OpsNotifier>();
        services.AddSingleton<OpsChangeOrigin>();

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
            services.AddSingleton<OpsRedisBridge>();
            services.AddHostedService(sp => sp.GetRequiredService<OpsRedisBridge>());
            services.AddHealthChecks().AddCheck<OpsRedisBridgeHealthCheck>("redis-bridge", tags: [AsbOps.Web.Data.HealthExtensions.ReadyTag]);
        }

        return services;
    }
}
