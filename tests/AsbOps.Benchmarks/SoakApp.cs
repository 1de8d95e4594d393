using System.Diagnostics;
using System.Globalization;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Benchmarks;

/// <summary>
/// The built app (<c>AsbOps.Web.dll</c> beside the benchmarks) as its own process, as a force runs it: Production, a
/// SQLite file, jobs on, mail through the soak's SMTP server, one key with <c>incidents:write</c> and <c>ops:read</c>.
/// It can be killed with SIGKILL and started again on the same port and file.
/// </summary>
public sealed class SoakApp(string folder, int port, int smtpPort)
{
    private Process? _process;

    public string BaseUrl => $"http://127.0.0.1:{port}";

    public string DatabasePath => Path.Combine(folder, "asbops.db");

    public int Pid => _process?.Id ?? 0;

    private Dictionary<string, string> Settings => new()
    {
        ["ConnectionStrings:AsbOps"] = $"Data Source={DatabasePath}",
        ["App:BaseUrl"] = BaseUrl,
        ["Urls"] = BaseUrl,
        ["DataProtection:KeysDirectory"] = Path.Combine(folder, "keys"),
        ["Files:Directory"] = Path.Combine(folder, "files"),
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Smtp:From"] = "asbops@soak.test",
        ["Jobs:OutboxEverySeconds"] = "2",
        ["Compliance:SweepEveryMinutes"] = "1",
        ["ApiClients:0:Name"] = "soak",
        ["ApiClients:0:Key"] = "soak-key",
        ["ApiClients:0:Scopes:0"] = "incidents:write",
        ["ApiClients:0:Scopes:1"] = "ops:read",
        ["ApiClients:0:RequestsPerMinute"] = "1000000",
        ["Hub:MaxConnectionsPerClient"] = "1000",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public AsbOpsDbContext Db() => new SqliteAsbOpsDbContext(new DbContextOptionsBuilder<SqliteAsbOpsDbContext>()
        .UseSqlite($"Data Source={DatabasePath};Default Timeout=30").Options);

    /// <summary>The demo force at scale 1, through the app's own <c>--seed-demo</c>.</summary>
    public async Task SeedAsync()
    {
        using var process = Process.Start(StartInfo("--seed-demo", "1"))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"--seed-demo failed ({process.ExitCode}): {await output} {await error}");
        }

        Console.WriteLine($"soak: {(await output).Trim()}");
    }

    /// <summary>Starts the app and returns once <c>/health/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        var start = StartInfo();
        _process = Process.Start(start)!;
        var log = Path.Combine(folder, $"app-{_process.Id}.log");
        _ = Drain(_process.StandardOutput, log);
        _ = Drain(_process.StandardError, log + ".err");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(deadline) < TimeSpan.FromMinutes(3))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {_process.ExitCode} at start; see {log}.err");
            }

            try
            {
                using var response = await client.GetAsync($"{BaseUrl}/health/ready");
                if ((int)response.StatusCode == 200)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The app did not become ready within 3 minutes.");
    }

    /// <summary>SIGKILL: no shutdown, no flush — what a crash or an OOM kill does.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>The process's resident memory (VmRSS) in MB, or null while it is not running.</summary>
    public double? ResidentMegabytes()
    {
        if (_process is null || _process.HasExited)
        {
            return null;
        }

        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AsbOps.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private static async Task Drain(StreamReader reader, string path)
    {
        await using var file = File.CreateText(path);
        while (await reader.ReadLineAsync() is { } line)
        {
            await file.WriteLineAsync(line);
        }
    }
}
