using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Benchmarks;

/// <summary>
/// One instance of a scaled-out deployment on Kestrel (127.0.0.1, a free port), Testing environment: the shared
/// database (a SQLite file in <c>folder</c>, or the PostgreSQL database of a connection string), the shared Redis
/// (SignalR backplane and ops-change bridge), one ops:read key allowed a given number of hub connections.
/// </summary>
public sealed class ScaleOutBenchApp : WebApplicationFactory<Program>
{
    private readonly string _folder;
    private readonly string? _postgres;
    private readonly string _redisConfiguration;
    private readonly int _maxConnections;

    /// <param name="folder">Holds the SQLite file (asbops.db) when <paramref name="postgres"/> is null, and the mail pickup folder.</param>
    /// <param name="postgres">A PostgreSQL connection string, or null for SQLite.</param>
    public ScaleOutBenchApp(string folder, string? postgres, string redisConfiguration, int maxConnections)
    {
        _folder = folder;
        _postgres = postgres;
        _redisConfiguration = redisConfiguration;
        _maxConnections = maxConnections;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "AsbOps.Web"));
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:AsbOps", _postgres ?? $"Data Source={Path.Combine(_folder, "asbops.db")}");
        builder.UseSetting("Database:Provider", _postgres is null ? "Sqlite" : "Postgres");
        builder.UseSetting("Redis:Configuration", _redisConfiguration);
        builder.UseSetting("Demo:SeedOnStart", "false");
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Hub:MaxConnectionsPerClient", _maxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("ApiClients:0:Name", "bench");
        builder.UseSetting("ApiClients:0:Key", BenchApp.OpsKey);
        builder.UseSetting("ApiClients:0:Scopes:0", "ops:read");
    }

    public void Start()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }
}
