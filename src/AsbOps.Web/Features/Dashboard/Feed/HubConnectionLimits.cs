using System.Collections.Concurrent;

namespace AsbOps.Web.Features.Dashboard.Feed;

/// <summary>Settings <c>Hub:MaxConnectionsPerClient</c> and <c>Hub:MaxConnectionsPerUser</c>: open feed connections allowed at once.</summary>
public sealed class HubLimitsOptions
{
    public const string Section = "Hub";

    public int MaxConnectionsPerClient { get; set; } = 50;

    public int MaxConnectionsPerUser { get; set; } = 10;
}

/// <summary>
/// Counts the open hub connections of each machine client and each user on this instance, so that one key or one
/// person cannot hold thousands of connections (each costs memory for as long as it is open). The count is per
/// instance: with N instances behind a balancer a client may hold up to N times its limit.
/// </summary>
public sealed class HubConnectionLimits
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Takes a slot for <paramref name="holder"/>; false (and nothing taken) when it already holds <paramref name="limit"/>.</summary>
    public bool TryTake(string holder, int limit)
    {
        while (true)
        {
            var current = _open.GetOrAdd(holder, 0);
            if (current >= limit)
            {
                return false;
            }

            if (_open.TryUpdate(holder, current + 1, current))
            {
                return true;
            }
        }
    }

    public void Release(string holder)
    {
        while (_open.TryGetValue(holder, out var current))
        {
            if (current <= 1 ? _open.TryRemove(new KeyValuePair<string, int>(holder, current)) : _open.TryUpdate(holder, current - 1, current))
            {
                return;
            }
        }
    }

    public int OpenFor(string holder) => _open.TryGetValue(holder, out var open) ? open : 0;
}
