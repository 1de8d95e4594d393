using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace AsbOps.Benchmarks;

/// <summary>
/// A real <c>redis-server</c> of the benchmark's own on 127.0.0.1 and a free port, persistence off, killed when
/// disposed. The program is <c>ASBOPS_REDIS_SERVER</c>, else <c>redis-server</c> on the PATH
/// (<c>apt-get install -y redis-server</c>).
/// </summary>
public sealed class BenchRedis : IAsyncDisposable
{
    private readonly Process _process;

    private BenchRedis(Process process, int port)
    {
        _process = process;
        Configuration = $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The StackExchange.Redis configuration string the app's <c>Redis:Configuration</c> takes.</summary>
    public string Configuration { get; }

    public static async Task<BenchRedis> StartAsync(CancellationToken cancellationToken)
    {
        var program = Environment.GetEnvironmentVariable("ASBOPS_REDIS_SERVER") is { Length: > 0 } configured
            ? configured
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(folder => Path.Combine(folder, "redis-server")).FirstOrDefault(File.Exists);
        if (program is null || !File.Exists(program))
        {
            throw new InvalidOperationException("redis-server is not installed: apt-get install -y redis-server (or set ASBOPS_REDIS_SERVER to its path).");
        }

        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new BenchRedis(process, port);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {process.ExitCode}.");
            }

            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync($"{redis.Configuration},abortConnect=true,connectTimeout=1000");
                await connection.GetDatabase().PingAsync();
                return redis;
            }
            catch (RedisConnectionException) when (!deadline.IsCancellationRequested)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    /// <summary>How many connections listen on a pub/sub channel.</summary>
    public async Task<long> SubscribersAsync(string channel)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(Configuration);
        var endpoint = connection.GetEndPoints()[0];
        return await connection.GetServer(endpoint).SubscriptionSubscriberCountAsync(RedisChannel.Literal(channel));
    }

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
