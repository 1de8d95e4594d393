namespace AsbOps.Web.Live;

/// <summary>
/// Coalesces bursts of change notices into reloads at most once per <c>interval</c>: the first notice after a quiet
/// spell reloads at once, and notices that arrive while a reload waits or runs lead to exactly one more (trailing)
/// reload, so the last change is always shown. Safe to call <see cref="Request"/> from any thread.
/// </summary>
public sealed class ReloadThrottle(TimeSpan interval, TimeProvider clock, Func<Task> reload, Func<Exception, Task> onError) : IDisposable
{
    private readonly CancellationTokenSource _stopped = new();
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;
    private int _running;
    private int _requested;

    public void Request()
    {
        Volatile.Write(ref _requested, 1);
        if (!_stopped.IsCancellationRequested && Interlocked.CompareExchange(ref _running, 1, 0) == 0)
        {
            _ = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        try
        {
            do
            {
                var wait = _lastRun + interval - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, clock, _stopped.Token);
                }

                Volatile.Write(ref _requested, 0);
                _lastRun = clock.GetUtcNow();
                await reload();
                Volatile.Write(ref _running, 0);
            }
            // A request that came in while reloading saw _running set and left the next reload to this loop.
            while (Volatile.Read(ref _requested) == 1 && !_stopped.IsCancellationRequested && Interlocked.CompareExchange(ref _running, 1, 0) == 0);
        }
        catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
        {
            // Disposed: the page has gone.
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _running, 0);
            if (!_stopped.IsCancellationRequested)
            {
                await onError(ex);
            }
        }
    }

    public void Dispose() => _stopped.Cancel();
}
