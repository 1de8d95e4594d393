using System.Globalization;
using System.Net;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Telemetry;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Telemetry;

/// <summary>
/// The app with a control-room key (<c>incidents:write</c>), a Prometheus key (<c>ops:read</c>), a key with a tiny
/// rate, and the network <see cref="AllowedNetwork"/> allowed to scrape without a key.
/// </summary>
public sealed class TelemetryAppFactory : AsbOpsAppFactory, IAsyncLifetime
{
    public const string StormKey = "test-telemetry-storm-key";
    public const string ScrapeKey = "test-telemetry-prometheus-key";
    public const string SlowKey = "test-telemetry-slow-key";
    public const string AllowedNetwork = "10.20.0.0/16";
    public const string Area = "TELEAREA";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ApiClients:0:Name"] = "storm",
        ["ApiClients:0:Key"] = StormKey,
        ["ApiClients:0:Scopes:0"] = "incidents:write",
        ["ApiClients:0:RequestsPerMinute"] = "600000",
        ["ApiClients:1:Name"] = "prometheus",
        ["ApiClients:1:Key"] = ScrapeKey,
        ["ApiClients:1:Scopes:0"] = "ops:read",
        ["ApiClients:2:Name"] = "slowpoke",
        ["ApiClients:2:Key"] = SlowKey,
        ["ApiClients:2:Scopes:0"] = "incidents:write",
        ["ApiClients:2:RequestsPerMinute"] = "6",
        ["Telemetry:ScrapeAllowedAddresses:0"] = AllowedNetwork,
        ["Telemetry:ScrapeAllowedAddresses:1"] = "192.0.2.7",
    };

    public async Task InitializeAsync()
    {
        await AddAreaAsync(Area);
        var broadcaster = Services.GetRequiredService<OpsBroadcaster>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (broadcaster.Latest is null)
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>A real SignalR client on the live feed, over long polling to the test server.</summary>
    public HubConnection HubConnection(string key) => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, $"{OpsHub.Route}?access_token={Uri.EscapeDataString(key)}"), options =>
        {
            options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
        })
        .Build();

    /// <summary>A scrape without a key from <paramref name="address"/>, as Prometheus on that machine would send it.</summary>
    public async Task<(int Status, string Body)> ScrapeFromAsync(string address)
    {
        var context = await Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = TelemetryExtensions.ScrapePath;
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}

/// <summary>Reads Prometheus text: the samples of one metric, optionally only those whose labels hold a text.</summary>
/// <summary>
/// OpenTelemetry's meter provider listens to every meter named <c>AsbOps</c> in the process, not only its own app's:
/// another test class's app, running beside this one or disposing its meter, mixes into or ends this app's metric
/// streams (a scrape once lacked every counter of the app). The scrape tests therefore run alone, after the rest.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry, alone";
}

public static class PrometheusText
{
    public static IReadOnlyList<double> Samples(string body, string metric, string? labelText = null) => body
        .Split('\n')
        .Where(line => !line.StartsWith('#') && (line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal)))
        .Where(line => labelText is null || line.Contains(labelText, StringComparison.Ordinal))
        .Select(line => (line.Contains('{') ? line[(line.LastIndexOf('}') + 1)..] : line[metric.Length..]).Trim().Split(' ')[0])
        .Select(value => double.Parse(value, CultureInfo.InvariantCulture))
        .ToList();
}
