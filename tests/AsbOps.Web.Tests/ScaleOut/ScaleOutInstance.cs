using System.Net;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Live;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace AsbOps.Web.Tests.ScaleOut;

/// <summary>One app instance of a scaled-out deployment: the shared SQLite file, the shared Redis, the same keys.</summary>
public sealed class ScaleOutInstance(string databasePath, string redisConfiguration) : AsbOpsAppFactory
{
    public const string WallboardKey = "test-scale-wallboard-key";
    public const string StormKey = "test-scale-storm-key";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:AsbOps"] = $"Data Source={databasePath}",
        [LiveExtensions.RedisSetting] = redisConfiguration,
        ["ApiClients:0:Name"] = "wallboard",
        ["ApiClients:0:Key"] = WallboardKey,
        ["ApiClients:0:Scopes:0"] = "ops:read",
        ["ApiClients:1:Name"] = "storm",
        ["ApiClients:1:Key"] = StormKey,
        ["ApiClients:1:Scopes:0"] = "incidents:write",
        ["ApiClients:1:RequestsPerMinute"] = "600000",
    };

    /// <summary>A wallboard's hub connection to this instance (long polling over the test server).</summary>
    public HubConnection WallboardConnection() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, $"{OpsHub.Route}?access_token={WallboardKey}"), options =>
            {
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .Build();

    /// <summary>Posts a new incident for the area through this instance's public API, as the control room does.</summary>
    public async Task PostIncidentAsync(string stormRef, string areaCode)
    {
        using var client = CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", StormKey);
        var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(stormRef, areaCode));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
