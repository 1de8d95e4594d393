using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AsbOps.EndToEnd.Tests.ScaleOut;

/// <summary>
/// Debian's nginx (<c>ASBOPS_NGINX</c>, default /usr/sbin/nginx; tests/run.sh installs it) running
/// <c>deploy/nginx.conf</c> itself: the test's copy differs only in the upstream and listen addresses (127.0.0.1 and
/// free ports), the certificate, and log, pid and temporary paths under a folder of its own. Every substitution must
/// match exactly once, so a change to the deployed file that the test no longer mirrors fails here, not silently.
/// nginx runs in the foreground as the current user and is killed (with its workers) when disposed.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    private readonly string _prefix;
    private readonly ProcessStartInfo _start;
    private readonly System.Text.StringBuilder _output = new();
    private Process? _process;

    private NginxProxy(string prefix, ProcessStartInfo start, int httpsPort)
    {
        _prefix = prefix;
        _start = start;
        HttpsPort = httpsPort;
    }

    public int HttpsPort { get; }

    public string BaseUrl => $"https://127.0.0.1:{HttpsPort}";

    public string ErrorLog => ReadLog("error.log");

    public string AccessLog => ReadLog("access.log");

    /// <summary>The deployed configuration, found from the test's build folder up to the repository root.</summary>
    public static string DeployedConfigurationPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "deploy", "nginx.conf");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"deploy/nginx.conf was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The deployed file with this run's addresses and paths (upstream ports in the order app1, app2).</summary>
    public static string TestConfiguration(string deployed, string prefix, int httpPort, int httpsPort, int[] upstreamPorts, string certificate, string key)
    {
        var text = deployed;
        text = ReplaceOnce(text, "listen 80;", $"listen 127.0.0.1:{Port(httpPort)};");
        text = ReplaceOnce(text, "listen 443 ssl;", $"listen 127.0.0.1:{Port(httpsPort)} ssl;");
        for (var i = 0; i < upstreamPorts.Length; i++)
        {
            text = ReplaceOnce(text, $"server app{i + 1}:8080 ", $"server 127.0.0.1:{Port(upstreamPorts[i])} ");
        }

        text = ReplaceOnce(text, "/etc/nginx/certs/asbops.crt", certificate);
        text = ReplaceOnce(text, "/etc/nginx/certs/asbops.key", key);
        text = ReplaceOnce(text, "/var/log/nginx/error.log", Path.Combine(prefix, "logs", "error.log"));
        text = ReplaceOnce(text, "/var/log/nginx/access.log", Path.Combine(prefix, "logs", "access.log"));

        // Debian's build keeps request bodies and buffered answers under /var/lib/nginx: here, under the prefix.
        var temp = Path.Combine(prefix, "temp");
        text = ReplaceOnce(text, "\nhttp {\n", "\nhttp {\n" + string.Join("", new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }
            .Select(kind => $"    {kind}_temp_path {Path.Combine(temp, kind)};\n")));
        return text;
    }

    public static async Task<NginxProxy> StartAsync(int httpPort, int httpsPort, int[] upstreamPorts, string certificate, string key)
    {
        var program = Environment.GetEnvironmentVariable("ASBOPS_NGINX") is { Length: > 0 } configured ? configured : "/usr/sbin/nginx";
        if (!File.Exists(program))
        {
            throw new InvalidOperationException(
                $"nginx is not installed at {program}, so the proxy failover test cannot run. tests/run.sh installs it; "
                + "by hand: apt-get install -y nginx (or set ASBOPS_NGINX to its path).");
        }

        var prefix = Path.Combine(Path.GetTempPath(), "asbops-nginx", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        Directory.CreateDirectory(Path.Combine(prefix, "temp"));
        var configuration = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(configuration, TestConfiguration(
            await File.ReadAllTextAsync(DeployedConfigurationPath()), prefix, httpPort, httpsPort, upstreamPorts, certificate, key));

        // In the foreground, the pid file in the prefix; as root (CI containers), workers stay root instead of nobody.
        var globals = $"daemon off; pid {Path.Combine(prefix, "nginx.pid")};" + (Environment.UserName == "root" ? " user root;" : "");
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", prefix + "/", "-c", configuration, "-e", Path.Combine(prefix, "logs", "error.log"), "-g", globals })
        {
            start.ArgumentList.Add(argument);
        }

        var proxy = new NginxProxy(prefix, start, httpsPort);
        try
        {
            await proxy.RunAsync();
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }

        return proxy;
    }

    /// <summary>
    /// The proxy goes down and comes back on the same address (a crash and restart, or a host moved): every
    /// connection through it is cut, and browsers reconnect through the new process.
    /// </summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await RunAsync();
    }

    private async Task RunAsync()
    {
        var process = Process.Start(_start) ?? throw new InvalidOperationException($"Could not start {_start.FileName}.");
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitUntilListeningAsync(process, TimeSpan.FromSeconds(15));
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"nginx did not start on 127.0.0.1:{HttpsPort} ({ex.Message}):\n{ErrorLog}{Output}", ex);
        }
    }

    private async Task StopAsync()
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

    private async Task WaitUntilListeningAsync(Process process, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {process.ExitCode}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, HttpsPort, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(25, deadline.Token);
            }
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

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string ReadLog(string name)
    {
        var path = Path.Combine(_prefix, "logs", name);
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ReplaceOnce(string text, string find, string replacement)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(find, first + find.Length, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException(
                $"deploy/nginx.conf should contain \"{find.Trim()}\" exactly once; the failover test substitutes it for its own address or path.");
        }

        return string.Concat(text.AsSpan(0, first), replacement, text.AsSpan(first + find.Length));
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_prefix, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder if a log is still held; nothing reads it again.
        }
    }
}
