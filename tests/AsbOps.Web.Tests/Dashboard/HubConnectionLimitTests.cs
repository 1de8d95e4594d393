using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Dashboard;

/// <summary>Hub:MaxConnectionsPerUser (10) and Hub:MaxConnectionsPerClient (50), with real SignalR clients.</summary>
public sealed class HubConnectionLimitTests(LiveHubFixture app) : IClassFixture<LiveHubFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TheEleventhConnectionOfAUserIsRefusedAndClosingOneFreesASlot()
    {
        var cookie = await app.SignInCookieAsync(LiveHubFixture.Inspector);
        var open = new List<HubConnection>();
        try
        {
            for (var i = 0; i < 10; i++)
            {
                open.Add(await ConnectedAsync(app.Connection(cookie: cookie)));
            }

            await using var eleventh = app.Connection(cookie: cookie);
            var refusal = await RefusalAsync(eleventh);
            Assert.Contains("Hub:MaxConnectionsPerUser", refusal);
            Assert.Contains("Too many live connections", refusal);

            await open[0].DisposeAsync();
            open.RemoveAt(0);
            var holder = "user:" + await InspectorIdAsync();
            await WaitUntilAsync(() => Limits.OpenFor(holder) < 10);
            await using var again = await ConnectedAsync(app.Connection(cookie: cookie));
            Assert.Equal(HubConnectionState.Connected, again.State);
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TheFiftyFirstConnectionOfAMachineClientIsRefused()
    {
        var open = new List<HubConnection>();
        try
        {
            for (var i = 0; i < 50; i++)
            {
                open.Add(await ConnectedAsync(app.Connection(LiveHubFixture.WallboardKey)));
            }

            await using var next = app.Connection(LiveHubFixture.WallboardKey);
            Assert.Contains("Hub:MaxConnectionsPerClient", await RefusalAsync(next));
        }
        finally
        {
            foreach (var connection in open)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private HubConnectionLimits Limits => app.Services.GetRequiredService<HubConnectionLimits>();

    private async Task<string> InspectorIdAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == LiveHubFixture.Inspector).Select(u => u.Id).SingleAsync();
    }

    /// <summary>Starts the connection and waits until the server has greeted it with the counters (it is fully connected).</summary>
    private static async Task<HubConnection> ConnectedAsync(HubConnection connection)
    {
        var greeted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<object>(OpsHub.CountersChanged, _ => greeted.TrySetResult());
        await connection.StartAsync();
        await greeted.Task.WaitAsync(Deadline);
        return connection;
    }

    /// <summary>The reason the server closed (or refused to start) the connection.</summary>
    private static async Task<string> RefusalAsync(HubConnection connection)
    {
        var closed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error?.Message ?? "closed without an error");
            return Task.CompletedTask;
        };
        try
        {
            await connection.StartAsync();
        }
        catch (Exception e)
        {
            closed.TrySetResult(e.Message);
        }

        return await closed.Task.WaitAsync(Deadline);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
