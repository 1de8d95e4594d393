using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Security.SignIn;

/// <summary>
/// Counts failed sign-ins per client address over a sliding window, in this instance's memory: an address over the
/// limit is refused before any password is checked. (Each instance counts its own; the per-account lockout is in the
/// database and so shared.) IPv6 addresses count per /64, the block one household or host usually has.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInLimitOptions> options, TimeProvider clock)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _recordsSinceSweep;

    /// <summary>How long until the address may try again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (!_failures.TryGetValue(address, out var times))
            {
                return null;
            }

            Prune(times, now);
            return times.Count >= options.Value.FailuresPerAddress ? times.Peek() + options.Value.AddressWindow - now : null;
        }
    }

    public void RecordFailure(string address)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (!_failures.TryGetValue(address, out var times))
            {
                _failures[address] = times = new Queue<DateTimeOffset>();
            }

            times.Enqueue(now);
            Prune(times, now);
            if (++_recordsSinceSweep >= 1000)
            {
                _recordsSinceSweep = 0;
                foreach (var (key, queue) in _failures.ToList())
                {
                    Prune(queue, now);
                    if (queue.Count == 0)
                    {
                        _failures.Remove(key);
                    }
                }
            }
        }
    }

    /// <summary>The key a request's failures count under.</summary>
    public static string AddressOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    private void Prune(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        var cutoff = now - options.Value.AddressWindow;
        while (times.Count > 0 && times.Peek() <= cutoff)
        {
            times.Dequeue();
        }

        // Beyond the limit, older entries add nothing.
        while (times.Count > options.Value.FailuresPerAddress)
        {
            times.Dequeue();
        }
    }
}
