using System.Net;
using AsbOps.Domain.Areas;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Benchmarks;

/// <summary>
/// The app on Kestrel (127.0.0.1, a free port), Testing environment, its own SQLite file (or the PostgreSQL database of
/// a connection string) and one ops:read key.
/// </summary>
public sealed class BenchApp : WebApplicationFactory<Program>
{
    public const string OpsKey = "bench-ops-key";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "asbops-bench", Guid.NewGuid().ToString("N"));
    private readonly string? _postgres;

    public BenchApp(string? postgres = null)
    {
        _postgres = postgres;
        Directory.CreateDirectory(_folder);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "AsbOps.Web"));
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AsbOps", _postgres ?? $"Data Source={Path.Combine(_folder, "asbops.db")}");
        builder.UseSetting("Database:Provider", _postgres is null ? "Sqlite" : "Postgres");
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("ApiClients:0:Name", "bench");
        builder.UseSetting("ApiClients:0:Key", OpsKey);
        builder.UseSetting("ApiClients:0:Scopes:0", "ops:read");
        // The push benchmarks open up to 1,000 feed connections with this one key (the default limit is 50).
        builder.UseSetting("Hub:MaxConnectionsPerClient", "2000");
    }

    public async Task StartAsync(IEnumerable<string> areaCodes)
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await using var db = await Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContextAsync();
        foreach (var code in areaCodes)
        {
            db.Areas.Add(new Area { Code = code, Name = code });
        }

        await db.SaveChangesAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing reads it again.
        }
    }
}
