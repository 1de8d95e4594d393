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
    private readonly string _program;
    private readonly System.Text.StringBuilder _output = new();
    private Process? _process;

    private RedisServer(string program, string host, int port)
    {
        _program = program;
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
        var server = new RedisServer(program, host, FreePort(host));
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>An outage: the server process is killed; clients see their connections drop.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    /// <summary>The end of an outage: a fresh server on the same address, empty, as after a Redis restart.</summary>
    public Task StartAgainAsync() => StartProcessAsync();

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo(_program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", Host, "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_program}.");
        _process = process;
        process.OutputDataReceived += (_, e) => AppendOutput(e.Data);
        process.ErrorDataReceived += (_, e) => AppendOutput(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitUntilReadyAsync(TimeSpan.FromSeconds(20));
        }
        catch (Exception ex)
        {
            await DisposeAsync();
            throw new InvalidOperationException($"redis-server on {Host}:{Port} did not answer PING: {ex.Message}\n{Output}", ex);
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private void AppendOutput(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
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
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"redis-server exited with code {_process?.ExitCode}.");
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

    public async ValueTask DisposeAsync() => await StopAsync();
}
