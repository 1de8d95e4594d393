using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Benchmarks.Circuits;

/// <summary>
/// One real Blazor Server circuit driven without a browser, over the messages blazor.web.js exchanges with the circuit
/// hub: it reads the prerendered page (its server component markers and persisted state), connects to <c>/_blazor</c>
/// with the "blazorpack" protocol, calls <c>StartCircuit</c> and <c>UpdateRootComponents</c> with those markers,
/// acknowledges every <c>JS.RenderBatch</c> with <c>OnRenderCompleted</c> (the server holds back further batches
/// otherwise), and answers every <c>JS.BeginInvokeJS</c> call with a successful <c>EndInvokeJSFromDotNet</c> carrying
/// no value (there is no DOM to act on). It keeps the value of one counter (the element with
/// <c>data-testid</c> = <see cref="TestId"/>) as the batches set it, and stamps when it first equals an expected value.
/// </summary>
public sealed partial class ProtocolCircuit(string baseUrl, CookieContainer cookies, HttpClient http, string testId) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private HubConnection? _connection;
    private int? _componentId;
    private int? _expected;
    private TaskCompletionSource<long> _seen = NewSource();
    private readonly TaskCompletionSource _live = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string TestId { get; } = testId;

    /// <summary>The counter's value as the last render batch that touched it set it; null before the first.</summary>
    public int? Value { get; private set; }

    public int Batches { get; private set; }

    /// <summary>Render batches received since the last <see cref="Arm"/>, and the Stopwatch timestamp of the first of them.</summary>
    public (int Count, long FirstAt) SinceArmed { get; private set; }

    /// <summary>The first error the circuit reported (<c>JS.Error</c>, a batch that could not be read); null while healthy.</summary>
    public string? Error { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var html = await http.GetStringAsync(baseUrl + "/", cancellationToken);
        var markers = MarkerPattern().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server")
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException("The dashboard's prerendered HTML holds no server component marker (not signed in?).");
        }

        var state = StatePattern().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        var builder = new HubConnectionBuilder()
            .WithUrl(baseUrl + "/_blazor", options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        _connection = builder.Build();
        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync, this);
        _connection.On<string>("JS.Error", error => Fail("JS.Error: " + error));
        await _connection.StartAsync(cancellationToken);

        var circuitId = await _connection.InvokeAsync<string?>("StartCircuit", baseUrl + "/", baseUrl + "/", "[]", state, cancellationToken);
        if (string.IsNullOrEmpty(circuitId))
        {
            throw new InvalidOperationException("StartCircuit answered no circuit id.");
        }

        // blazor.web.js numbers the page's root components from 1 in document order and sends them as one batch of "add"s.
        var operations = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
        {
            ["type"] = "add",
            ["ssrComponentId"] = i + 1,
            ["marker"] = marker,
        }).ToArray());
        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations };
        await _connection.SendAsync("UpdateRootComponents", batch.ToJsonString(), state, cancellationToken);
        await _live.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
    }

    /// <summary>Starts watching for the counter to show <paramref name="expected"/>; the task ends with the Stopwatch timestamp of the batch that showed it.</summary>
    public Task<long> Arm(int expected)
    {
        lock (_gate)
        {
            _expected = expected;
            _seen = NewSource();
            SinceArmed = (0, 0);
            return _seen.Task;
        }
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        var at = Stopwatch.GetTimestamp();
        try
        {
            var view = new RenderBatchView(data);
            lock (_gate)
            {
                Batches++;
                SinceArmed = (SinceArmed.Count + 1, SinceArmed.Count == 0 ? at : SinceArmed.FirstAt);
                if (view.FindElement("data-testid", TestId) is { } found)
                {
                    _componentId = found.ComponentId;
                    Value = Parse(found.Text);
                }
                else if (_componentId is { } id && view.UpdatedTexts(id).LastOrDefault() is { } text)
                {
                    Value = Parse(text);
                }

                if (Value is { } value)
                {
                    _live.TrySetResult();
                    if (value == _expected)
                    {
                        _seen.TrySetResult(at);
                    }
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or FormatException)
        {
            Fail($"render batch {batchId} could not be read: {e.Message}");
        }

        await _connection!.SendAsync("OnRenderCompleted", batchId, null);
    }

    private static async Task OnBeginInvokeJSAsync(object?[] args, object state)
    {
        var circuit = (ProtocolCircuit)state;
        var asyncHandle = (long)args[0]!;
        if (asyncHandle != 0)
        {
            // The answer blazor.web.js sends for a call that succeeded with no value: [handle, true, null].
            var result = JsonSerializer.Serialize(new object?[] { asyncHandle, true, null });
            await circuit._connection!.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, result);
        }
    }

    private void Fail(string error)
    {
        lock (_gate)
        {
            Error ??= error;
            _live.TrySetException(new InvalidOperationException(error));
            _seen.TrySetException(new InvalidOperationException(error));
        }
    }

    private static int? Parse(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TaskCompletionSource<long> NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex StatePattern();
}
