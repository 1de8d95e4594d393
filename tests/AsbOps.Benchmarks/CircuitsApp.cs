using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Benchmarks;

/// <summary>The app on Kestrel in Development (the demo force and logins) on its own SQLite file, jobs off.</summary>
internal sealed class CircuitsApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "asbops-bench", "circuits-" + Guid.NewGuid().ToString("N"));

    public CircuitsApp()
    {
        Directory.CreateDirectory(_folder);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot(Path.Combine("src", "AsbOps.Web"));
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:AsbOps", $"Data Source={Path.Combine(_folder, "asbops.db")}");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
        builder.UseSetting("Files:Directory", Path.Combine(_folder, "files"));
        builder.UseSetting("Jobs:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public void Start()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
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
