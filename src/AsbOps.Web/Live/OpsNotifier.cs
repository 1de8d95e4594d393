namespace AsbOps.Web.Live;

/// <summary>
/// In-process fan-out of committed changes. Components and the hub bridge subscribe and get an
/// <see cref="IDisposable"/> that ends the subscription. Publish after SaveChanges commits, never before.
/// A subscriber's failure is logged and never reaches the publisher.
/// </summary>
public sealed class OpsNotifier(ILogger<OpsNotifier> logger)
{
    private readonly Lock _gate = new();
    private Subscription[] _subscriptions = [];
    private long _version;

    public int SubscriberCount => Volatile.Read(ref _subscriptions).Length;

    public IDisposable Subscribe(Func<OpsChange, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, handler);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    /// <summary>
    /// How many changes have been published. It moves before any subscriber hears of a change, so whatever a subscriber
    /// reads next sees the new number: a snapshot kept under an older number is known to be out of date.
    /// </summary>
    public long Version => Interlocked.Read(ref _version);

    public void Publish(OpsChange change)
    {
        Interlocked.Increment(ref _version);
        foreach (var subscription in Volatile.Read(ref _subscriptions))
        {
            _ = InvokeAsync(subscription, change);
        }
    }

    private async Task InvokeAsync(Subscription subscription, OpsChange change)
    {
        try
        {
            await subscription.Handler(change);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "An ops subscriber failed on {Kind}", change.Kind);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = _subscriptions.Where(s => !ReferenceEquals(s, subscription)).ToArray();
        }
    }

    private sealed class Subscription(OpsNotifier owner, Func<OpsChange, Task> handler) : IDisposable
    {
        private int _disposed;

        public Func<OpsChange, Task> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
