using System.Net;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.EndToEnd.Tests.ScaleOut;

/// <summary>
/// One app instance behind the proxy, as deploy/compose.yaml runs it: Production, PostgreSQL, Redis, the public
/// address the proxy's, the proxy trusted for forwarded headers, the data-protection keys in the database. Real
/// Kestrel on 127.0.0.1 and a free port. It counts the Blazor circuits opened on it, so the test knows which instance
/// holds a page.
/// </summary>
public sealed class ProxiedInstance(string name, IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    private readonly CircuitCount _circuits = new();
    private int _port;

    public string Name { get; } = name;

    public int Port => _port;

    /// <summary>Circuits opened on this instance since it started.</summary>
    public int CircuitsOpened => _circuits.Opened;

    /// <summary>Circuits open on this instance now.</summary>
    public int CircuitsOpen => _circuits.Open;

    /// <summary>Times a browser connected to a circuit here: its start, then each reconnection to the same circuit.</summary>
    public int CircuitConnections => _circuits.Connections;

    /// <summary>Requests that reached this instance from a browser holding the proxy's route cookie.</summary>
    public int RoutedRequests => _circuits.RoutedRequests;

    public bool Stopped { get; private set; }

    public void Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _port = new Uri(address).Port;
    }

    /// <summary>
    /// The instance dies as a crashed process does, for its clients: Kestrel stops listening and cuts every open
    /// connection at once (a cancelled stop skips the graceful drain), with no warning to the circuits or the hub.
    /// </summary>
    public async Task KillAsync()
    {
        Stopped = true;
        await Services.GetRequiredService<IServer>().StopAsync(new CancellationToken(canceled: true));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // As in ProductionAppFixture: outside Development the framework's script is found through the static web
        // assets manifest of the build output only when asked for (a published app has it in wwwroot).
        builder.UseStaticWebAssets();
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(_circuits);
            services.AddScoped<CircuitHandler, CircuitCountHandler>();
            services.AddSingleton<IStartupFilter>(new RoutedRequestCounter(_circuits));
        });
    }

    public AsbOpsDbContext CreateDbContext() =>
        Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();

    public sealed class CircuitCount
    {
        private int _opened;
        private int _open;
        private int _connections;
        private int _routedRequests;

        public int Opened => Volatile.Read(ref _opened);

        public int Open => Volatile.Read(ref _open);

        public int Connections => Volatile.Read(ref _connections);

        public int RoutedRequests => Volatile.Read(ref _routedRequests);

        public void ConnectionUp() => Interlocked.Increment(ref _connections);

        public void RoutedRequest() => Interlocked.Increment(ref _routedRequests);

        public void Up()
        {
            Interlocked.Increment(ref _opened);
            Interlocked.Increment(ref _open);
        }

        public void Down() => Interlocked.Decrement(ref _open);
    }

    private sealed class CircuitCountHandler(CircuitCount count) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.Up();
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.Down();
            return Task.CompletedTask;
        }

        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            count.ConnectionUp();
            return Task.CompletedTask;
        }
    }

    /// <summary>First in the pipeline: counts the requests of browsers the proxy has routed (they carry its cookie).</summary>
    private sealed class RoutedRequestCounter(CircuitCount count) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Cookies.ContainsKey("asbops_route"))
                {
                    count.RoutedRequest();
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
