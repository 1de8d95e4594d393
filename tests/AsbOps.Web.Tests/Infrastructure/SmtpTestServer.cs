using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>A real SMTP server in the test process (the SmtpServer package) that keeps every message it receives.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Lock _arrivals = new();
    private CancellationTokenSource? _stop;
    private Task? _running;
    private TaskCompletionSource _nextArrival = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SmtpTestServer(int? port = null) => Port = port ?? FreePort();

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public bool IsRunning => _running is { IsCompleted: false };

    /// <summary>
    /// The first received message that matches, waiting for each new arrival (no polling) up to <paramref name="within"/>;
    /// null when none has arrived by then.
    /// </summary>
    public async Task<MimeMessage?> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (true)
        {
            // Take the arrival to wait for before looking, so that a message stored in between is not missed.
            Task arrival;
            lock (_arrivals)
            {
                arrival = _nextArrival.Task;
            }

            if (Received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await arrival.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return Received.FirstOrDefault(match);
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts listening and returns once the port accepts connections (polled with a deadline).</summary>
    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Arrived));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    public async Task StopAsync()
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
        _stop = null;
        _running = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private void Arrived(MimeMessage message)
    {
        Received.Enqueue(message);
        TaskCompletionSource arrived;
        lock (_arrivals)
        {
            arrived = _nextArrival;
            _nextArrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.SetResult();
    }

    private sealed class Store(Action<MimeMessage> arrived) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            arrived(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
