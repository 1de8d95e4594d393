using System.Text.Json;
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Keep retrying in the background when Redis is down at start-up, rather than stopping the app.
        var configuration = ConfigurationOptions.Parse(options.Configuration);
        configuration.AbortOnConnectFail = false;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(Channel, (_, value) => Receive(value));
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
            await subscriber.UnsubscribeAsync(Channel);
        }
    }

    private async Task SendAsync(ISubscriber subscriber, OpsChange change)
    {
        if (origin.IsRemote(change))
        {
            return;
        }

        var message = new Envelope(_instance, change.Kind, change.AreaCode, change.CaseRef, change.At);
        await subscriber.PublishAsync(Channel, JsonSerializer.Serialize(message));
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
