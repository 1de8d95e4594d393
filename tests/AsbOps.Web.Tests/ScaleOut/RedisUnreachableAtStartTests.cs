using System.Net;
using System.Text.Json;
using AsbOps.Web.Live;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AsbOps.Web.Tests.ScaleOut;

/// <summary>An instance configured for Redis on a port where nothing listens: short timeouts, so failures come fast.</summary>
public sealed class UnreachableRedisAppFactory : AsbOpsAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Redis:Configuration"] = "127.0.0.1:1,connectTimeout=200,asyncTimeout=300,syncTimeout=300",
    };
}

/// <summary>
/// Redis unreachable when the app starts (down, or a name that does not resolve) used to stop the whole host a few
/// seconds later: the bridge's subscribe threw out of its background service. The instance must keep serving and
/// storing, retry in the background, and say it is degraded.
/// </summary>
public sealed class RedisUnreachableAtStartTests(UnreachableRedisAppFactory app) : IClassFixture<UnreachableRedisAppFactory>
{
    [Fact]
    public async Task TheAppKeepsServingAndReportsDegradedWhileTheBridgeRetries()
    {
        using var client = app.CreateClient();
        var bridge = app.Services.GetRequiredService<OpsRedisBridge>();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();

        // Wait (bounded) until the bridge has failed twice, i.e. it has retried after a failure rather than given up.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (bridge.FailedAttempts < 2 && !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }

        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested, "The host stopped because Redis was unreachable");
        Assert.False(bridge.IsSubscribed);
        Assert.NotNull(bridge.LastError);

        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", body.RootElement.GetProperty("checks").GetProperty("redis-bridge").GetProperty("status").GetString());
    }
}
