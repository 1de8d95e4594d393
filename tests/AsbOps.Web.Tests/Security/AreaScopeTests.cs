using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Security;

/// <summary>
/// The one scope rule on the API: area staff signed in with a cookie send, read and look up only their own area;
/// force-wide roles and machine clients every area. Each endpoint with each role.
/// </summary>
public sealed class AreaScopeTests(AreaScopeTests.Fixture fx) : IClassFixture<AreaScopeTests.Fixture>
{
    public sealed class Fixture : ApiAppFactory, IAsyncLifetime
    {
        public long HomeIncidentId { get; private set; }

        public long AwayIncidentId { get; private set; }

        public string HomeCaseRef { get; private set; } = "";

        public string AwayCaseRef { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var home = await AddAreaAsync("HOMEAREA");
            var away = await AddAreaAsync("AWAYAREA");
            foreach (var role in new[] { Roles.Officer, Roles.Sergeant, Roles.Inspector })
            {
                await AddUserAsync($"{role}@home.test", role, areaId: home.Id);
            }

            await AddUserAsync("officer@noarea.test", Roles.Officer);
            await AddUserAsync("compliance@force.test", Roles.Compliance);
            await AddUserAsync("analyst@force.test", Roles.Analyst);
            await AddUserAsync("admin@force.test", Roles.Admin);
            await AddUserAsync("partner@housing.test", Roles.Partner, agency: Agency.Housing);

            await using var db = CreateDbContext();
            var b = new CaseBuilder(db, DateTime.UtcNow);
            var homeCase = b.Case(home.Id);
            var awayCase = b.Case(away.Id);
            await db.SaveChangesAsync();
            var homeIncident = b.Incident(home.Id, "SCOPE-HOME-1", linkedTo: homeCase);
            var awayIncident = b.Incident(away.Id, "SCOPE-AWAY-1", linkedTo: awayCase);
            await db.SaveChangesAsync();
            b.Marker(homeCase, type: MarkerSubjectType.Person, subject: "Home Person");
            b.Marker(awayCase, type: MarkerSubjectType.Person, subject: "Away Person");
            await db.SaveChangesAsync();
            (HomeIncidentId, AwayIncidentId, HomeCaseRef, AwayCaseRef) = (homeIncident.Id, awayIncident.Id, homeCase.Reference, awayCase.Reference);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>Who calls (an email, or "key" for the control room's API key) and whether the away area is theirs to use.</summary>
    public static TheoryData<string, bool> Callers => new()
    {
        { "officer@home.test", false },
        { "sergeant@home.test", false },
        { "inspector@home.test", false },
        { "officer@noarea.test", false },
        { "admin@force.test", true },
        { "key", true },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task SendingAnIncidentForAnotherAreaIsRefusedToAreaStaff(string caller, bool mayUseAway)
    {
        using var client = await ClientAsync(caller);
        var stormRef = "SCOPE-" + Guid.NewGuid().ToString("N")[..10];

        var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(stormRef, "AWAYAREA"));

        var text = await response.Content.ReadAsStringAsync();
        if (mayUseAway)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, text);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(JsonNode.Parse(text)!["errors"]!.AsObject().ContainsKey("areaCode"), text);
        }

        Assert.Equal(mayUseAway, await StoredAsync(stormRef));
    }

    [Theory]
    [InlineData("officer@home.test")]
    [InlineData("sergeant@home.test")]
    [InlineData("inspector@home.test")]
    public async Task AreaStaffSendForTheirOwnArea(string caller)
    {
        using var client = await ClientAsync(caller);
        var stormRef = "SCOPE-" + Guid.NewGuid().ToString("N")[..10];

        var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(stormRef, "HOMEAREA"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(await StoredAsync(stormRef));
    }

    [Theory]
    [InlineData("compliance@force.test")]
    [InlineData("analyst@force.test")]
    [InlineData("partner@housing.test")]
    public async Task RolesThatDoNotHandleIncidentsSendNone(string caller)
    {
        using var client = await ClientAsync(caller);
        var stormRef = "SCOPE-" + Guid.NewGuid().ToString("N")[..10];

        var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(stormRef, "HOMEAREA"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await StoredAsync(stormRef));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task InABatchTheOtherAreasItemIsInvalidAndTheOwnIsStored(string caller, bool mayUseAway)
    {
        using var client = await ClientAsync(caller);
        var home = "SCOPE-" + Guid.NewGuid().ToString("N")[..10];
        var away = "SCOPE-" + Guid.NewGuid().ToString("N")[..10];
        var body = new JsonObject { ["incidents"] = new JsonArray(ApiAppFactory.Incident(home, "HOMEAREA"), ApiAppFactory.Incident(away, "AWAYAREA")) };

        var response = await ApiAppFactory.PostAsync(client, body, "/api/v1/incidents:batch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        var homeAllowed = caller != "officer@noarea.test";
        Assert.Equal(homeAllowed ? "created" : "invalid", (string?)results[0]!["status"]);
        Assert.Equal(mayUseAway ? "created" : "invalid", (string?)results[1]!["status"]);
        if (!mayUseAway)
        {
            Assert.True(results[1]!["errors"]!.AsObject().ContainsKey("areaCode"));
        }

        Assert.Equal(homeAllowed, await StoredAsync(home));
        Assert.Equal(mayUseAway, await StoredAsync(away));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task AnotherAreasIncidentIsNotFoundForAreaStaff(string caller, bool mayUseAway)
    {
        using var client = await ClientAsync(caller);

        var away = await client.GetAsync($"/api/v1/incidents/{fx.AwayIncidentId}");
        var home = await client.GetAsync($"/api/v1/incidents/{fx.HomeIncidentId}");

        Assert.Equal(mayUseAway ? HttpStatusCode.OK : HttpStatusCode.NotFound, away.StatusCode);
        if (mayUseAway)
        {
            Assert.Equal(fx.AwayCaseRef, (string?)(await away.Content.ReadFromJsonAsync<JsonObject>())!["caseRef"]);
        }
        else
        {
            Assert.DoesNotContain(fx.AwayCaseRef, await away.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(caller == "officer@noarea.test" ? HttpStatusCode.NotFound : HttpStatusCode.OK, home.StatusCode);
    }

    public static TheoryData<string, bool> MarkerReaders => new()
    {
        { "officer@home.test", false },
        { "sergeant@home.test", false },
        { "inspector@home.test", false },
        { "officer@noarea.test", false },
        { "compliance@force.test", true },
        { "admin@force.test", true },
        { "key", true },
    };

    [Theory]
    [MemberData(nameof(MarkerReaders))]
    public async Task AnotherAreasMarkersAreNotReturnedToAreaStaff(string caller, bool seesAway)
    {
        using var client = await ClientAsync(caller);

        var away = await client.GetFromJsonAsync<JsonArray>($"/api/v1/markers?caseRef={fx.AwayCaseRef}");
        var byName = await client.GetFromJsonAsync<JsonArray>("/api/v1/markers?personName=Person");

        Assert.Equal(seesAway ? 1 : 0, away!.Count);
        Assert.Equal(seesAway, byName!.Any(m => (string?)m!["subject"] == "Away Person"));
        Assert.Equal(caller != "officer@noarea.test", byName!.Any(m => (string?)m!["subject"] == "Home Person"));
    }

    [Fact]
    public void TheRuleItself()
    {
        var officer = new UserScope("o", "o", Roles.Officer, 7, null);
        var noArea = new UserScope("n", "n", Roles.Sergeant, null, null);
        var admin = new UserScope("a", "a", Roles.Admin, null, null);
        var partner = new UserScope("p", "p", Roles.Partner, 7, Agency.Housing);
        var machine = new UserScope("", "", "", null, null) { IsMachineClient = true };

        Assert.True(officer.MayActInArea(7));
        Assert.False(officer.MayActInArea(8));
        Assert.False(noArea.MayActInArea(7));
        Assert.Equal(UserScope.NoArea, noArea.RestrictedAreaId);
        Assert.True(admin.MayActInArea(8));
        Assert.False(partner.MayActInArea(7));
        Assert.True(machine.MayActInArea(8));
        Assert.Null(machine.RestrictedAreaId);
    }

    private async Task<HttpClient> ClientAsync(string caller) =>
        caller == "key" ? fx.ClientWithKey(ApiAppFactory.StormKey) : await fx.CreateSignedInClientAsync(caller);

    private async Task<bool> StoredAsync(string stormRef)
    {
        await using var db = fx.CreateDbContext();
        return db.Incidents.Any(i => i.StormRef == stormRef);
    }
}
