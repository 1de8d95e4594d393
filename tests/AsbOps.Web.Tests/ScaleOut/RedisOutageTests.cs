using System.Net;
using System.Text.Json;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Live;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace AsbOps.Web.Tests.ScaleOut;

/// <summary>
/// A Redis outage in a scaled-out deployment: the data path does not depend on Redis (intake still stores and answers
/// while it is down), and the live feed between instances comes back by itself once Redis is back. A fixture of its
/// own, so stopping Redis here never disturbs <see cref="ScaleOutTests"/>.
/// </summary>
public sealed class RedisOutageTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    /// <summary>Reconnection waits on StackExchange.Redis's retry back-off; generous, and it ends as soon as a push arrives.</summary>
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task WhileRedisIsDownIncidentsAreStillStoredAndOnceItIsBackChangesReachTheOtherInstanceAgain()
    {
        await using var connection = fixture.B.WallboardConnection();
        var counters = new HubMessages(connection, OpsHub.CountersChanged);
        await connection.StartAsync();
        await counters.WaitForAsync(_ => true, TimeSpan.FromSeconds(10));

        await fixture.Redis.StopAsync();
        using (var client = fixture.A.CreateClient())
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", ScaleOutInstance.StormKey);
            var body = ApiAppFactory.Incident(fixture.NextStormRef(), "SCALEKEY");
            Assert.Equal(HttpStatusCode.Created, (await ApiAppFactory.PostAsync(client, body)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ApiAppFactory.PostAsync(client, body)).StatusCode); // stored, and once
        }

        await fixture.Redis.StartAgainAsync();

        // Pub/sub keeps nothing for a subscriber that is away: a post made before both instances have reconnected is
        // not delivered, so keep posting (one more incident each time) until one arrives or the deadline passes.
        using var deadline = new CancellationTokenSource(Recovery);
        var posted = 1;
        JsonElement? arrived = null;
        while (arrived is null && !deadline.IsCancellationRequested)
        {
            await fixture.A.PostIncidentAsync(fixture.NextStormRef(), "SCALEKEY");
            posted++;
            arrived = await counters.TryWaitForAsync(m => HubMessages.AreaNumber(m, "SCALEKEY", "awaitingScreening") >= posted, TimeSpan.FromSeconds(2));
        }

        Assert.True(arrived is not null, $"No change reached instance B within {Recovery.TotalSeconds} s of Redis coming back");
        // Every incident is counted, the one stored during the outage too.
        Assert.Equal(posted, HubMessages.AreaNumber(arrived.Value, "SCALEKEY", "awaitingScreening"));
    }
}
