using System.Net;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Dashboard.Feed;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Dashboard;

/// <summary>
/// The app with a wallboard key (<c>ops:read</c>), a control-room key (no <c>ops:read</c>), one area per test so tests
/// never see each other's numbers, and an inspector of area <see cref="CookieArea"/>.
/// </summary>
public sealed class LiveHubFixture : AsbOpsAppFactory, IAsyncLifetime
{
    public const string WallboardKey = "test-live-wallboard-key";
    public const string StormKey = "test-live-storm-key";
    public const string Inspector = "inspector-live@test.local";
    public const string CookieArea = "LIVEINSP";

    /// <summary>Every area is created before the first incident: the API's area cache reloads at most every few seconds.</summary>
    public static readonly string[] AreaCodes = ["LIVEKEY", "LIVECASE", "LIVEHIGH", "LIVESUBA", "LIVESUBB", CookieArea, "LIVEOTHER"];

    private readonly Dictionary<string, int> _areaIds = new(StringComparer.Ordinal);
    private int _stormSequence;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ApiClients:0:Name"] = "wallboard",
        ["ApiClients:0:Key"] = WallboardKey,
        ["ApiClients:0:Scopes:0"] = "ops:read",
        ["ApiClients:1:Name"] = "storm",
        ["ApiClients:1:Key"] = StormKey,
        ["ApiClients:1:Scopes:0"] = "incidents:write",
        ["ApiClients:1:Scopes:1"] = "markers:read",
        ["ApiClients:1:RequestsPerMinute"] = "600000",
    };

    public int AreaId(string code) => _areaIds[code];

    public async Task InitializeAsync()
    {
        foreach (var code in AreaCodes)
        {
            _areaIds[code] = (await AddAreaAsync(code)).Id;
        }

        await AddUserAsync(Inspector, Roles.Inspector, _areaIds[CookieArea]);

        // The broadcaster counts once at start; waiting for it keeps the first test's timing free of cold-start costs.
        var broadcaster = Services.GetRequiredService<OpsBroadcaster>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (broadcaster.Latest is null)
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    /// <summary>A hub connection over long polling to the test server, with a key in the query or a login cookie.</summary>
    public HubConnection Connection(string? key = null, string? cookie = null)
    {
        var url = new Uri(Server.BaseAddress, key is null ? OpsHub.Route : $"{OpsHub.Route}?access_token={Uri.EscapeDataString(key)}");
        return new HubConnectionBuilder()
            .WithUrl(url, options =>
            {
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
            })
            .Build();
    }

    /// <summary>Signs in through the login page and returns the cookie header a browser would send.</summary>
    public async Task<string> SignInCookieAsync(string email)
    {
        var cookies = new CookieContainer();
        using var client = CreateDefaultClient(new CookieContainerHandler(cookies));
        var response = await LoginForm.PostAsync(client, email, Password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed with {(int)response.StatusCode}.");
        }

        return cookies.GetCookieHeader(Server.BaseAddress);
    }

    /// <summary>Posts a new incident for the area through the public API, as the control room does.</summary>
    public async Task PostIncidentAsync(string areaCode)
    {
        using var client = CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", StormKey);
        var body = ApiAppFactory.Incident($"LP-LIVE-{Interlocked.Increment(ref _stormSequence):D5}", areaCode);
        var response = await ApiAppFactory.PostAsync(client, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Stores an open case (high-risk with a marker on its subject when asked) and returns its reference.</summary>
    public async Task<string> AddCaseAsync(string areaCode, string reference, RiskLevel level = RiskLevel.NotAssessed, string? markedSubject = null)
    {
        var now = DateTime.UtcNow;
        await using var db = CreateDbContext();
        var b = new CaseBuilder(db, now);
        var c = b.Case(_areaIds[areaCode], reference, openedHoursAgo: 24, level: level, highRiskSince: now.AddHours(-1), address: "1 Live Street",
            summary: "Live test case");
        await db.SaveChangesAsync();
        if (markedSubject is not null)
        {
            b.Marker(c, type: MarkerSubjectType.Person, subject: markedSubject, placedAt: now);
            await db.SaveChangesAsync();
        }

        return reference;
    }
}
