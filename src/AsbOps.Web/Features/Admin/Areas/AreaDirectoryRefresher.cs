using AsbOps.Web.Data;
using AsbOps.Web.Live;

namespace AsbOps.Web.Features.Admin.Areas;

/// <summary>
/// Drops the cached area list when an administrator on any instance changes an area (the change arrives through the
/// notifier, from another instance over the Redis bridge), so a retired area is refused everywhere at once.
/// </summary>
public sealed class AreaDirectoryRefresher(OpsNotifier notifier, AreaDirectory directory) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(change =>
        {
            if (change.Kind == OpsChangeKind.AreasChanged)
            {
                directory.Invalidate();
            }

            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
