using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace AsbOps.Web.Tests.ScaleOut;

/// <summary>
/// A real <c>redis-server</c> of the test run's own, on 127.0.0.1 and a free port, with persistence off; stopped when
/// disposed. tests/run.sh installs Debian's redis-server and exports <c>ASBOPS_REDIS_SERVER</c> (its path) and
/// <c>ASBOPS_REDIS_HOST</c>; without the program the start fails with a message saying how to install it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, string host, int port)
    {
        _process = process;
        Host = host;
        Port = port;
    }

    public string Host { get; }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string the app's <c>Redis:Configuration</c> takes.</summary>
    public string Configuration => $"{Host}:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var program = Environment.GetEnvironmentVariable("ASBOPS_REDIS_SERVER") is { Length: > 0 } configured ? configured : FindOnPath("redis-server");
        if (program is null || !File.Exists(program))
        {
            throw new InvalidOperationException(
                "redis-server is not installed, so the scale-out tests cannot run against a real Redis. tests/run.sh installs it; " +
                "by hand: apt-get install -y redis-server (or set ASBOPS_REDIS_SERVER to its path).");
        }

        var host = Environment.GetEnvironmentVariable("ASBOPS_REDIS_HOST") is { Length: > 0 } h ? h : "127.0.0.1";
        var port = FreePort(host);
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", host, "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, host, port);
        try
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception ex)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"redis-server on {host}:{port} did not answer PING: {ex.Message}\n{output}", ex);
        }

        return server;
    }

    /// <summary>How many connections listen on a pub/sub channel (the bridge of each app instance is one).</summary>
    public async Task<long> SubscribersAsync(string channel)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Configuration);
        return await redis.GetServer(Host, Port).SubscriptionSubscriberCountAsync(RedisChannel.Literal(channel));
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode}.");
            }

            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync($"{Configuration},abortConnect=true,connectTimeout=1000");
                await redis.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    private static int FreePort(string host)
    {
        using var listener = new TcpListener(IPAddress.Parse(host), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
