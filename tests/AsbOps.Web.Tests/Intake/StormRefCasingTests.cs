using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Intake;

/// <summary>Control rooms compare references case-insensitively: another casing of a stored reference is the same incident.</summary>
public sealed class StormRefCasingTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await app.AddAreaAsync("APIAREA");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheSameIncidentSentAgainInAnotherCasingIsAReplayOfTheFirst()
    {
        await StormRefCasing.ASingleReplayInAnotherCasingAnswersTheFirstIncidentAsync(app, "lower-");
    }

    [Fact]
    public async Task ABatchItemInAnotherCasingOfAStoredReferenceIsADuplicate()
    {
        await StormRefCasing.ABatchReplayInAnotherCasingIsADuplicateAsync(app, "lower-");
    }

    [Fact]
    public async Task TwoCasingsOfOneReferenceInOneBatchStoreOneIncident()
    {
        await StormRefCasing.TwoCasingsInOneBatchStoreOneIncidentAsync(app, "lower-");
    }

    [Fact]
    public async Task ADifferentBodyUnderAnotherCasingIsAConflict()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var body = ApiAppFactory.Incident(StormRefCasing.NewRef("lower-"));
        await ApiAppFactory.PostAsync(client, body);
        var changed = StormRefCasing.InUpperCase(body);
        changed["description"] = "Something else entirely";

        var response = await ApiAppFactory.PostAsync(client, changed);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(1, await StormRefCasing.StoredAsync(app, (string)body["stormRef"]!));
    }
}

/// <summary>The casing checks, shared by the SQLite and PostgreSQL test classes.</summary>
public static class StormRefCasing
{
    public static string NewRef(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static JsonObject InUpperCase(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        copy["stormRef"] = ((string)body["stormRef"]!).ToUpperInvariant();
        return copy;
    }

    public static async Task<int> StoredAsync(ApiAppFactory app, string stormRef)
    {
        await using var db = app.CreateDbContext();
        var key = stormRef.ToUpperInvariant();
        return await db.Incidents.CountAsync(i => i.StormRef.ToUpper() == key);
    }

    public static async Task ASingleReplayInAnotherCasingAnswersTheFirstIncidentAsync(ApiAppFactory app, string prefix)
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var body = ApiAppFactory.Incident(NewRef(prefix));

        var first = await ApiAppFactory.PostAsync(client, body);
        var again = await ApiAppFactory.PostAsync(client, InUpperCase(body));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var firstBody = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        var againBody = (await again.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((long)firstBody["id"]!, (long)againBody["id"]!);
        Assert.Equal((string)body["stormRef"]!, (string)againBody["stormRef"]!);
        Assert.Equal(1, await StoredAsync(app, (string)body["stormRef"]!));
        await using var db = app.CreateDbContext();
        var stored = await db.Incidents.SingleAsync(i => i.Id == (long)firstBody["id"]!);
        Assert.Equal((string)body["stormRef"]!, stored.StormRef);
    }

    public static async Task ABatchReplayInAnotherCasingIsADuplicateAsync(ApiAppFactory app, string prefix)
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var body = ApiAppFactory.Incident(NewRef(prefix));
        var created = await (await ApiAppFactory.PostAsync(client, body)).Content.ReadFromJsonAsync<JsonObject>();
        var other = ApiAppFactory.Incident(NewRef(prefix));
        var batch = new JsonObject { ["incidents"] = new JsonArray(InUpperCase(body), other) };

        var response = await ApiAppFactory.PostAsync(client, batch, "/api/v1/incidents:batch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["duplicate", "created"], results.Select(r => (string)r!["status"]!));
        Assert.Equal((long)created!["id"]!, (long)results[0]!["id"]!);
        Assert.Equal(1, await StoredAsync(app, (string)body["stormRef"]!));
    }

    public static async Task TwoCasingsInOneBatchStoreOneIncidentAsync(ApiAppFactory app, string prefix)
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var body = ApiAppFactory.Incident(NewRef(prefix));
        var batch = new JsonObject { ["incidents"] = new JsonArray(body.DeepClone(), InUpperCase(body)) };

        var response = await ApiAppFactory.PostAsync(client, batch, "/api/v1/incidents:batch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["created", "duplicate"], results.Select(r => (string)r!["status"]!));
        Assert.Equal((long)results[0]!["id"]!, (long)results[1]!["id"]!);
        Assert.Equal(1, await StoredAsync(app, (string)body["stormRef"]!));
    }
}
