namespace AsbOps.Web.Live;

/// <summary>
/// Keeps a page live, and ends with it: reloads through a <see cref="ReloadThrottle"/> when <see cref="OpsNotifier"/>
/// reports a change in the area on screen (any area when it shows all), and on a slow timer as a fallback for what no
/// change reports — reviews falling due with the clock, changes missed while Redis was down. Changes are ignored until
/// <see cref="Start"/>, when the page has loaded what it shows.
/// </summary>
public sealed class LiveReload : IDisposable
{
    /// <summary>How often a live page reloads when it has heard of no change.</summary>
    public static readonly TimeSpan FallbackEvery = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _stopped = new();
    private readonly TimeProvider _clock;
    private readonly ReloadThrottle _throttle;
    private readonly IDisposable _subscription;
    private readonly Func<Exception, Task> _onError;
    private PeriodicTimer? _timer;
    private volatile bool _live;
    private volatile string? _watchedArea;

    /// <param name="reload">Reloads the page (on its renderer: pass the component's <c>InvokeAsync</c> around it).</param>
    /// <param name="interval">At most one reload per this interval; the last change of a burst is always reloaded.</param>
    public LiveReload(OpsNotifier notifier, TimeProvider clock, TimeSpan interval, Func<Task> reload, Func<Exception, Task> onError)
    {
        _clock = clock;
        _onError = onError;
        _throttle = new ReloadThrottle(interval, clock, reload, onError);
        _subscription = notifier.Subscribe(OnChangeAsync);
    }

    /// <summary>The area code on screen, or null for all areas.</summary>
    public string? WatchedArea
    {
        get => _watchedArea;
        set => _watchedArea = value;
    }

    /// <summary>Starts following changes in <paramref name="watchedArea"/> (null: all areas) and the fallback timer.</summary>
    public void Start(string? watchedArea)
    {
        _watchedArea = watchedArea;
        _live = true;
        if (_timer is null && !_stopped.IsCancellationRequested)
        {
            _timer = new PeriodicTimer(FallbackEvery, _clock);
            _ = TickAsync(_timer);
        }
    }

    /// <summary>Called on the publisher's thread: only notes that a reload is due when the change is in the area on screen.</summary>
    private Task OnChangeAsync(OpsChange change)
    {
        var watched = _watchedArea;
        if (_live && (watched is null || change.AreaCode is null || string.Equals(change.AreaCode, watched, StringComparison.Ordinal)))
        {
            _throttle.Request();
        }

        return Task.CompletedTask;
    }

    private async Task TickAsync(PeriodicTimer timer)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(_stopped.Token))
            {
                _throttle.Request();
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
        catch (Exception exception)
        {
            await _onError(exception);
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _throttle.Dispose();
        _stopped.Cancel();
        _timer?.Dispose();
        _stopped.Dispose();
    }
}
