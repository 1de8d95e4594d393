using System.Diagnostics;
using System.Net;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.GoingLive;

/// <summary>
/// The app as a force installs it: the Production environment, an empty SQLite file, no demo data, its public address
/// (<c>App:BaseUrl</c>, plain http on loopback so no HTTPS redirect) the test's own, email through a real SMTP server
/// in the test process, and the scheduler running (it sends the outbox). The command line runs as its own process,
/// <c>dotnet AsbOps.Web.dll --create-admin …</c>, on the same database and key ring.
/// </summary>
public sealed class ProductionAppFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "asbops-golive", Guid.NewGuid().ToString("N"));
    private readonly int _port = SmtpTestServer.FreePort();
    private IPlaywright? _playwright;

    public ProductionAppFixture()
    {
        Directory.CreateDirectory(_folder);
        while (Smtp.Port == _port)
        {
            Smtp = new SmtpTestServer();
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, _port));
    }

    public SmtpTestServer Smtp { get; private set; } = new();

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    public IBrowser Browser { get; private set; } = default!;

    private string DatabasePath => Path.Combine(_folder, "asbops.db");

    private string KeysDirectory => Path.Combine(_folder, "keys");

    /// <summary>What a deployment sets, as environment-variable names would carry them.</summary>
    private Dictionary<string, string> Settings => new()
    {
        ["ConnectionStrings:AsbOps"] = $"Data Source={DatabasePath}",
        ["App:BaseUrl"] = BaseUrl,
        ["DataProtection:KeysDirectory"] = KeysDirectory,
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:From"] = "asbops@force.test",
        ["Jobs:OutboxEverySeconds"] = "2",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // A published app (the Docker image) has the framework's script and the packages' assets in wwwroot; run from
        // the build output, as here, they are found through the static web assets manifest, which outside
        // Development is read only when asked for.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task InitializeAsync()
    {
        Assert.False(File.Exists(DatabasePath));
        await Smtp.StartAsync();
        StartServer();

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ASBOPS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public sealed record CommandRun(int ExitCode, string Output, string Error);

    /// <summary>Runs the built app's command line, as an operator does on the server, with the deployment's settings.</summary>
    public async Task<CommandRun> RunCommandAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
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

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return new CommandRun(process.ExitCode, await output, await error);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        await DisposeAsync();
        await Smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder if a file is still held; nothing reads it again.
        }
    }
}
