using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AsbOps.Benchmarks;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package) that counts each message by the outbox row in its
/// Message-Id, and while <see cref="Refusing"/> answers every message with a temporary failure (452).
/// </summary>
public sealed class SoakSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, int> _received = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public SoakSmtpServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public volatile bool Refusing;

    /// <summary>How many times each outbox row's message arrived.</summary>
    public IReadOnlyDictionary<long, int> ReceivedOutboxIds() => new Dictionary<long, int>(_received);

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is cancelling.
        }

        _stop.Dispose();
    }

    /// <summary>The outbox puts "{row id}.{dedup key}@asbops" in Message-Id.</summary>
    private static long? OutboxId(ReadOnlySequence<byte> buffer)
    {
        var text = Encoding.ASCII.GetString(buffer.Slice(0, Math.Min(buffer.Length, 8192)).ToArray());
        var lines = text.Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
            {
                // A folded header carries its value on the next line.
                var value = (line["Message-Id:".Length..].Trim() is { Length: > 0 } same ? same : i + 1 < lines.Length ? lines[i + 1].Trim() : "").TrimStart('<');
                var dot = value.IndexOf('.', StringComparison.Ordinal);
                return dot > 0 && long.TryParse(value[..dot], System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
            }

            if (line.Length == 0)
            {
                break;
            }
        }

        return null;
    }

    private sealed class Store(SoakSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.Refusing)
            {
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.InsufficientStorage, "soak: refusing mail for a minute"));
            }

            if (OutboxId(buffer) is { } id)
            {
                server._received.AddOrUpdate(id, 1, (_, n) => n + 1);
            }

            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
