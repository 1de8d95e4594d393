using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AsbOps.Web.Live;

public sealed record OpsRedisBridgeOptions(string Configuration);

/// <summary>
/// Carries every change published on this instance to the other instances' notifiers over Redis pub/sub, and theirs
/// to this one, so circuits on every instance refresh. Each message names its instance so nobody hears its own echo.
/// </summary>
public sealed class OpsRedisBridge(
    OpsRedisBridgeOptions options,
    OpsNotifier notifier,
    OpsChangeOrigin origin,
    ILogger<OpsRedisBridge> logger) : BackgroundService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("asbops:ops-changes");
    private readonly string _instance = Guid.NewGuid().ToString("N");

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1), LongestRetry = TimeSpan.FromSeconds(30);
    private int _failedAttempts;
    private volatile bool _subscribed;
    private volatile string? _lastError;

    /// <summary>Whether this instance hears the other instances' changes now.</summary>
    public bool IsSubscribed => _subscribed;

    /// <summary>How many times connecting and subscribing to Redis has failed since start-up.</summary>
    public int FailedAttempts => Volatile.Read(ref _failedAttempts);

    /// <summary>Why the last attempt failed, for the health check; null when it has not failed.</summary>
    public string? LastError => _lastError;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Redis down at start-up (or a name that does not resolve) must not stop the app: the instance keeps serving
        // its own circuits and retries in the background, with back-off, until Redis answers. Once subscribed, the
        // multiplexer itself re-subscribes after a dropped connection.
        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(configuration, stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested && ex is RedisException or TimeoutException or System.Net.Sockets.SocketException)
            {
                _subscribed = false;
                _lastError = ex.GetType().Name + ": " + ex.Message.Split(" - ")[0];
                var attempt = Interlocked.Increment(ref _failedAttempts);
                logger.LogWarning(4201, "Redis backplane bridge could not subscribe (attempt {Attempt}); changes from other instances are not heard until it does. Retrying in {Retry}. {Error}", attempt, retry, _lastError);
            }

            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    private async Task RunAsync(ConfigurationOptions configuration, CancellationToken stoppingToken)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(Channel, (_, value) => Receive(value));
        _subscribed = true;
        _lastError = null;
        using var subscription = notifier.Subscribe(change => SendAsync(subscriber, change));
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        finally
        {
            _subscribed = false;
            try
            {
                await subscriber.UnsubscribeAsync(Channel);
            }
            catch (RedisException)
            {
                // Redis went away while stopping; nothing to undo.
            }
        }
    }

    private async Task SendAsync(ISubscriber subscriber, OpsChange change)
    {
        if (origin.IsRemote(change))
        {
            return;
        }

        var message = new Envelope(_instance, change.Kind, change.AreaCode, change.CaseRef, change.At);
        try
        {
            await subscriber.PublishAsync(Channel, JsonSerializer.Serialize(message));
        }
        catch (RedisException ex)
        {
            // The change is stored; only the other instances' live refresh of it is lost until Redis is back.
            logger.LogWarning(4202, ex, "Could not publish an ops change to Redis");
        }
    }

    private void Receive(RedisValue value)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Envelope>(value.ToString());
            if (message is null || message.Instance == _instance)
            {
                return;
            }

            var change = new OpsChange(message.Kind, message.AreaCode, message.CaseRef, message.At);
            origin.MarkRemote(change);
            notifier.Publish(change);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignoring an unreadable ops change from Redis");
        }
    }

    private sealed record Envelope(string Instance, OpsChangeKind Kind, string? AreaCode, string? CaseRef, DateTime? At);
}

/// <summary>
/// Part of <c>/health/ready</c> when Redis is configured: Degraded (not Unhealthy — the instance still serves its own
/// users and stores everything) while the bridge is not subscribed.
/// </summary>
public sealed class OpsRedisBridgeHealthCheck(OpsRedisBridge bridge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bridge.IsSubscribed
            ? HealthCheckResult.Healthy("Redis backplane bridge subscribed")
            : HealthCheckResult.Degraded(bridge.LastError is { } error
                ? $"Redis backplane bridge not subscribed after {bridge.FailedAttempts} attempts: {error}"
                : "Redis backplane bridge connecting"));
}
