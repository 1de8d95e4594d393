using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AsbOps.Web.Tests.Account;

public sealed class NoAdministratorWarningTests
{
    /// <summary>The app with its log lines kept, optionally on a database file the test owns (a second one is a restart).</summary>
    private sealed class LoggedApp(string? databasePath = null) : AsbOpsAppFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (databasePath is not null)
            {
                builder.UseSetting("ConnectionStrings:AsbOps", $"Data Source={databasePath}");
            }

            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    private static IReadOnlyList<string> Warnings(LoggedApp app) =>
        [.. app.Logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.Contains("No administrator", StringComparison.Ordinal)).Select(l => l.Message)];

    [Fact]
    public async Task StartingWithNoAdministratorLogsOnceHowToCreateOne()
    {
        await using var app = new LoggedApp();

        _ = app.Services;

        var warning = Assert.Single(Warnings(app));
        Assert.Contains("dotnet AsbOps.Web.dll --create-admin EMAIL", warning);
    }

    [Fact]
    public async Task AfterAnAdministratorHasAPasswordARestartLogsNoSuchWarning()
    {
        var folder = Path.Combine(Path.GetTempPath(), "asbops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var databasePath = Path.Combine(folder, "asbops.db");
        await using (var first = new LoggedApp(databasePath))
        {
            await first.AddUserAsync("admin@force.test", Roles.Admin);
            Assert.Single(Warnings(first));
        }

        await using var restarted = new LoggedApp(databasePath);
        _ = restarted.Services;

        Assert.Empty(Warnings(restarted));
    }
}
