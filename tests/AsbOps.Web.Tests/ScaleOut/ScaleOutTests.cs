using System.Threading.Channels;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Live;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.ScaleOut;

/// <summary>
/// Scale-out against a real redis-server: a change committed on instance A reaches instance B's hub clients (through
/// the SignalR Redis backplane) and B's in-process notifier (through OpsRedisBridge), and B's area filter still holds.
/// </summary>
public sealed class ScaleOutTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    /// <summary>
    /// How long a test waits for a change from the other instance before it fails: a bound on "never arrives", not a
    /// speed goal (push-two-instances measures the latency through the backplane).
    /// </summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AnIncidentCommittedOnOneInstanceReachesAHubClientOfTheOtherInstance()
    {
        await using var connection = fixture.B.WallboardConnection();
        var counters = new HubMessages(connection, OpsHub.CountersChanged);
        await connection.StartAsync();
        await counters.WaitForAsync(_ => true, Deadline);

        await fixture.A.PostIncidentAsync(fixture.NextStormRef(), "SCALEKEY");

        var (message, _) = await counters.WaitForAsync(m => HubMessages.AreaNumber(m, "SCALEKEY", "awaitingScreening") == 1, Deadline);
        Assert.Contains("SCALESUBB", HubMessages.Areas(message));
    }

    [Fact]
    public async Task AnIncidentCommittedOnOneInstanceReachesTheOtherInstancesNotifierSubscribers()
    {
        var received = Channel.CreateUnbounded<OpsChange>();
        using var subscription = fixture.B.Services.GetRequiredService<OpsNotifier>().Subscribe(change =>
        {
            received.Writer.TryWrite(change);
            return Task.CompletedTask;
        });

        await fixture.A.PostIncidentAsync(fixture.NextStormRef(), "SCALENOTE");

        using var deadline = new CancellationTokenSource(Deadline);
        OpsChange change;
        do
        {
            change = await received.Reader.ReadAsync(deadline.Token);
        }
        while (change.AreaCode != "SCALENOTE");

        Assert.Equal(OpsChangeKind.IncidentReceived, change.Kind);
        Assert.True(fixture.B.Services.GetRequiredService<OpsChangeOrigin>().IsRemote(change), "B's change should have come from A through the bridge");
    }

    [Fact]
    public async Task AnAreaSubscriptionOnOneInstanceFiltersChangesCommittedOnTheOther()
    {
        await using var connection = fixture.B.WallboardConnection();
        var counters = new HubMessages(connection, OpsHub.CountersChanged);
        await connection.StartAsync();
        // The greeting is force-wide; everything after the subscription is the one area.
        await counters.WaitForAsync(_ => true, Deadline);
        await connection.InvokeAsync("SubscribeArea", "SCALESUBB");
        await counters.WaitForAsync(m => HubMessages.Areas(m) is ["SCALESUBB"], Deadline);

        await fixture.A.PostIncidentAsync(fixture.NextStormRef(), "SCALESUBA");
        await fixture.A.PostIncidentAsync(fixture.NextStormRef(), "SCALESUBB");

        var (message, before) = await counters.WaitForAsync(m => HubMessages.AreaNumber(m, "SCALESUBB", "awaitingScreening") == 1, Deadline);
        Assert.Equal(["SCALESUBB"], HubMessages.Areas(message));
        Assert.Equal(1, message.GetProperty("awaitingScreening").GetInt32());
        Assert.All(before, m => Assert.Equal(["SCALESUBB"], HubMessages.Areas(m)));
    }

    [Fact]
    public async Task AClientConnectingToTheOtherInstanceIsGreetedWithCountersThatIncludeTheChange()
    {
        var broadcasterB = fixture.B.Services.GetRequiredService<OpsBroadcaster>();
        var heard = broadcasterB.RemoteChangesHeard;

        await fixture.A.PostIncidentAsync(fixture.NextStormRef(), "SCALEGREET");

        // B neither counts nor sends A's change (A did both); once B has heard of it, a connection to B is greeted with
        // a count of B's own that includes it.
        using var deadline = new CancellationTokenSource(Deadline);
        while (broadcasterB.RemoteChangesHeard == heard)
        {
            await Task.Delay(20, deadline.Token);
        }

        await using var connection = fixture.B.WallboardConnection();
        var counters = new HubMessages(connection, OpsHub.CountersChanged);
        await connection.StartAsync();
        var (greeting, _) = await counters.WaitForAsync(_ => true, Deadline);
        Assert.Equal(1, HubMessages.AreaNumber(greeting, "SCALEGREET", "awaitingScreening"));
    }
}
