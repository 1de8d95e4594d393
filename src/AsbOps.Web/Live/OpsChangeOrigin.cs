using System.Runtime.CompilerServices;

namespace AsbOps.Web.Live;

/// <summary>
/// Remembers which changes came from another instance through the Redis bridge: this instance's circuits react to
/// them, but neither the hub broadcaster (the origin instance already sent through the backplane) nor the bridge
/// (it would echo them back) does.
/// </summary>
public sealed class OpsChangeOrigin
{
    private readonly ConditionalWeakTable<OpsChange, object> _remote = [];

    public void MarkRemote(OpsChange change) => _remote.AddOrUpdate(change, this);

    public bool IsRemote(OpsChange change) => _remote.TryGetValue(change, out _);
}
