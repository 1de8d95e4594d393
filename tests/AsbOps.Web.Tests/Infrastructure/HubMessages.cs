using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>Records every message of one kind a hub connection receives, as raw JSON, in arrival order.</summary>
public sealed class HubMessages
{
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();

    public HubMessages(HubConnection connection, string method) =>
        connection.On<JsonElement>(method, message => _received.Writer.TryWrite(message));

    /// <summary>
    /// Reads messages until one matches, within <paramref name="within"/>; returns it with every message read before it.
    /// Fails the test at the deadline.
    /// </summary>
    public async Task<(JsonElement Match, IReadOnlyList<JsonElement> Before)> WaitForAsync(Func<JsonElement, bool> match, TimeSpan within)
    {
        var before = new List<JsonElement>();
        var found = await TryWaitForAsync(match, within, before);
        Assert.True(found is not null, $"No matching message within {within.TotalMilliseconds} ms; got {before.Count}: {string.Join(" | ", before)}");
        return (found.Value, before);
    }

    /// <summary>As <see cref="WaitForAsync"/>, but null at the deadline, for a caller that tries again.</summary>
    public async Task<JsonElement?> TryWaitForAsync(Func<JsonElement, bool> match, TimeSpan within, List<JsonElement>? before = null)
    {
        using var deadline = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var message = await _received.Reader.ReadAsync(deadline.Token);
                if (match(message))
                {
                    return message;
                }

                before?.Add(message);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return null;
        }
    }

    public static int? AreaNumber(JsonElement counters, string areaCode, string counter) =>
        counters.GetProperty("byArea").TryGetProperty(areaCode, out var area) ? area.GetProperty(counter).GetInt32() : null;

    public static IReadOnlyList<string> Areas(JsonElement counters) =>
        counters.GetProperty("byArea").EnumerateObject().Select(p => p.Name).ToList();
}
