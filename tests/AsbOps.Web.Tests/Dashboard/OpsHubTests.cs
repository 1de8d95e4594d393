using System.Net;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Live;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Dashboard;

/// <summary>The hub <c>/hubs/ops</c> of integration.md, driven by a real SignalR client against the app on a real SQLite file.</summary>
public sealed class OpsHubTests(LiveHubFixture app) : IClassFixture<LiveHubFixture>
{
    /// <summary>
    /// How long a test waits for a message before it fails: a bound on "never arrives", not a speed goal. How fast a
    /// change reaches the clients (the dashboard's one second) is measured by the push-latency benchmarks, which a
    /// loaded test machine cannot turn into a false failure.
    /// </summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AKeyWithOpsReadReceivesCountersChangedAfterAnIncidentPosted()
    {
        await using var connection = app.Connection(LiveHubFixture.WallboardKey);
        var counters = new HubMessages(connection, OpsHub.CountersChanged);
        await connection.StartAsync();

        await app.PostIncidentAsync("LIVEKEY");

        var (message, _) = await counters.WaitForAsync(m => HubMessages.AreaNumber(m, "LIVEKEY", "awaitingScreening") == 1, Deadline);
        foreach (var field in new[] { "at", "awaitingScreening", "openCases", "highRiskCases", "missingAssessments", "unknownAnswers", "overdueReviews" })
        {
            Assert.True(message.TryGetProperty(field, out _), $"CountersChanged has no \"{field}\": {message}");
        }

        Assert.Contains("LIVEOTHER", HubMessages.Areas(message));
    }

    [Fact]
    public async Task AChangePublishedAfterCommitReachesTheClientAsCaseChangedAndCountersChanged()
    {
        await using var connection = app.Connection(LiveHubFixture.WallboardKey);
        var counters = new HubMessages(connection, OpsHub.CountersChanged);
        var cases = new HubMessages(connection, OpsHub.CaseChanged);
        await connection.StartAsync();
        var reference = await app.AddCaseAsync("LIVECASE", "ASB-2026-900001");

        app.Services.GetRequiredService<OpsNotifier>().Publish(new OpsChange(OpsChangeKind.CaseChanged, "LIVECASE", reference));

        await counters.WaitForAsync(m => HubMessages.AreaNumber(m, "LIVECASE", "openCases") == 1, Deadline);
        var (summary, _) = await cases.WaitForAsync(m => m.GetProperty("caseRef").GetString() == reference, Deadline);
        Assert.Equal("LIVECASE", summary.GetProperty("areaCode").GetString());
        Assert.Equal("notassessed", summary.GetProperty("riskLevel").GetString());
        Assert.Equal("open", summary.GetProperty("status").GetString());
        Assert.True(summary.TryGetProperty("queue", out _));
    }

    [Fact]
    public async Task AHighRiskChangeSendsTheAlertWithItsSubjects()
    {
        await using var connection = app.Connection(LiveHubFixture.WallboardKey);
        var alerts = new HubMessages(connection, OpsHub.HighRiskRaised);
        var cases = new HubMessages(connection, OpsHub.CaseChanged);
        await connection.StartAsync();
        var reference = await app.AddCaseAsync("LIVEHIGH", "ASB-2026-900002", RiskLevel.High, markedSubject: "Jo Bloggs");

        app.Services.GetRequiredService<OpsNotifier>().Publish(new OpsChange(OpsChangeKind.HighRiskRaised, "LIVEHIGH", reference, DateTime.UtcNow));

        var (alert, _) = await alerts.WaitForAsync(m => m.GetProperty("caseRef").GetString() == reference, Deadline);
        Assert.Equal("LIVEHIGH", alert.GetProperty("areaCode").GetString());
        Assert.Equal(["Jo Bloggs"], alert.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()));
        Assert.True(alert.TryGetProperty("at", out _));
        var (summary, _) = await cases.WaitForAsync(m => m.GetProperty("caseRef").GetString() == reference, Deadline);
        Assert.Equal("high", summary.GetProperty("riskLevel").GetString());
        Assert.Equal("highRiskWithoutPlan", summary.GetProperty("queue").GetString());
    }

    [Fact]
    public async Task AfterSubscribeAreaAClientReceivesThatAreaOnlyAndNotAnother()
    {
        await using var connection = app.Connection(LiveHubFixture.WallboardKey);
        var counters = new HubMessages(connection, OpsHub.CountersChanged);
        await connection.StartAsync();
        // The counters every connection is greeted with are force-wide; what follows the subscription is not.
        await counters.WaitForAsync(_ => true, Deadline);
        await connection.InvokeAsync("SubscribeArea", "LIVESUBB");

        await app.PostIncidentAsync("LIVESUBA");
        await app.PostIncidentAsync("LIVESUBB");

        var (message, before) = await counters.WaitForAsync(m => HubMessages.AreaNumber(m, "LIVESUBB", "awaitingScreening") == 1, Deadline);
        Assert.Equal(["LIVESUBB"], HubMessages.Areas(message));
        Assert.Equal(1, message.GetProperty("awaitingScreening").GetInt32());
        Assert.All(before, m => Assert.Equal(["LIVESUBB"], HubMessages.Areas(m)));
    }

    [Fact]
    public async Task SubscribingToAnAreaThatDoesNotExistIsAnError()
    {
        await using var connection = app.Connection(LiveHubFixture.WallboardKey);
        await connection.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("SubscribeArea", "NOWHERE"));

        Assert.Contains("no area with the code", error.Message);
    }

    [Fact]
    public async Task AConnectionWithoutAKeyOrLoginIsRefused()
    {
        await using var connection = app.Connection();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task AnUnknownKeyIsRefused()
    {
        await using var connection = app.Connection("not-a-key");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task AKeyWithoutOpsReadIsForbidden()
    {
        await using var connection = app.Connection(LiveHubFixture.StormKey);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task AnInspectorSignedInWithTheCookieReceivesTheirAreaAndNotAnother()
    {
        var cookie = await app.SignInCookieAsync(LiveHubFixture.Inspector);
        await using var connection = app.Connection(cookie: cookie);
        var counters = new HubMessages(connection, OpsHub.CountersChanged);
        await connection.StartAsync();

        await app.PostIncidentAsync("LIVEOTHER");
        await app.PostIncidentAsync(LiveHubFixture.CookieArea);

        var (message, before) = await counters.WaitForAsync(m => HubMessages.AreaNumber(m, LiveHubFixture.CookieArea, "awaitingScreening") == 1, Deadline);
        Assert.Equal([LiveHubFixture.CookieArea], HubMessages.Areas(message));
        Assert.All(before, m => Assert.Equal([LiveHubFixture.CookieArea], HubMessages.Areas(m)));
    }

    [Fact]
    public async Task AnInspectorCannotSubscribeToAnotherArea()
    {
        var cookie = await app.SignInCookieAsync(LiveHubFixture.Inspector);
        await using var connection = app.Connection(cookie: cookie);
        await connection.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("SubscribeArea", "LIVEOTHER"));

        Assert.Contains("only your own area", error.Message);
    }
}
