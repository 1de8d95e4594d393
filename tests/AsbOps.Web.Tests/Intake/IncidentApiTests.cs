using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Intake;

public sealed class IncidentApiTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await app.AddAreaAsync("APIAREA");

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewRef() => "LP-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private async Task<int> StoredAsync(string stormRef)
    {
        await using var db = app.CreateDbContext();
        return await db.Incidents.CountAsync(i => i.StormRef == stormRef);
    }

    [Fact]
    public async Task AValidIncidentIsCreatedAndAwaitsScreening()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var stormRef = NewRef();

        var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(stormRef));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(stormRef, (string?)body!["stormRef"]);
        Assert.Null(body["caseRef"]);
        Assert.Equal($"/api/v1/incidents/{(long)body["id"]!}", response.Headers.Location?.OriginalString);
        await using var db = app.CreateDbContext();
        var stored = await db.Incidents.Include(i => i.Screening).SingleAsync(i => i.StormRef == stormRef);
        Assert.Null(stored.CaseId);
        Assert.Null(stored.Screening);
        Assert.Equal("LE11 1AA", stored.Postcode);
        Assert.Equal(AsbOps.Domain.Incidents.ThriveGrade.Priority, stored.Thrive.Grade);
        Assert.Equal(DateTimeKind.Utc, stored.ReceivedAt.Kind);
    }

    [Fact]
    public async Task TheSameBodyAgainAnswers200WithTheSameResult()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var body = ApiAppFactory.Incident(NewRef());

        var first = await (await ApiAppFactory.PostAsync(client, body)).Content.ReadFromJsonAsync<JsonObject>();
        var again = await ApiAppFactory.PostAsync(client, body);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((long)first!["id"]!, (long)(await again.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        Assert.Equal(1, await StoredAsync((string)body["stormRef"]!));
    }

    [Fact]
    public async Task ADifferentBodyUnderAUsedStormRefIsAConflictAndChangesNothing()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var stormRef = NewRef();
        await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(stormRef));
        var changed = ApiAppFactory.Incident(stormRef);
        changed["description"] = "Something else entirely";

        var response = await ApiAppFactory.PostAsync(client, changed);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = app.CreateDbContext();
        Assert.Equal("Youths kicking door, shouting abuse at occupant", (await db.Incidents.SingleAsync(i => i.StormRef == stormRef)).Description);
    }

    [Fact]
    public async Task FiftyParallelPostsOfOneStormRefStoreOneIncident()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var body = ApiAppFactory.Incident(NewRef());

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ApiAppFactory.PostAsync(client, body)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, await StoredAsync((string)body["stormRef"]!));
    }

    [Fact]
    public async Task NoKeyIs401AsProblemDetails()
    {
        using var client = app.ClientWithKey(null);

        var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(NewRef()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AWrongKeyIs401()
    {
        using var client = app.ClientWithKey("not-a-key");

        var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(NewRef()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AKeyWithoutTheScopeIs403AndStoresNothing()
    {
        using var client = app.ClientWithKey(ApiAppFactory.WallboardKey);
        var stormRef = NewRef();

        var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(stormRef));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await StoredAsync(stormRef));
    }

    [Fact]
    public async Task ASignedInOfficerMayPostAndAPartnerMayNot()
    {
        var area = await app.AddAreaAsync("APIAREA");
        await app.AddUserAsync("api-officer@test.local", Roles.Officer, area.Id);
        await app.AddUserAsync("api-partner@test.local", Roles.Partner, agency: AsbOps.Domain.Referrals.Agency.Housing);
        using var officer = await app.CreateSignedInClientAsync("api-officer@test.local");
        using var partner = await app.CreateSignedInClientAsync("api-partner@test.local");

        var byOfficer = await ApiAppFactory.PostAsync(officer, ApiAppFactory.Incident(NewRef()));
        var byPartner = await ApiAppFactory.PostAsync(partner, ApiAppFactory.Incident(NewRef()));

        Assert.Equal(HttpStatusCode.Created, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
    }

    [Fact]
    public async Task ABodyOver64KiBIs413AndStoresNothing()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var stormRef = NewRef();
        var body = ApiAppFactory.Incident(stormRef);
        body["description"] = new string('x', 70_000);

        var response = await ApiAppFactory.PostAsync(client, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredAsync(stormRef));
    }

    [Fact]
    public async Task OverTheClientsRateIs429WithRetryAfter()
    {
        using var client = app.ClientWithKey(ApiAppFactory.SlowKey);
        HttpResponseMessage? refused = null;

        // The slow client may burst one request; the bucket refills one token a second.
        for (var attempt = 0; attempt < 5 && refused is null; attempt++)
        {
            var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(NewRef()));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(AsbOps.Web.Api.PublicApi.TooManyRequestsType, problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task AnInvalidIncidentNamesEachBadFieldAndStoresNothing()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var stormRef = NewRef();
        var body = ApiAppFactory.Incident(stormRef);
        body["category"] = "rowdy";
        body["areaCode"] = "NOWHERE";
        body["thrive"]!["grade"] = "urgent";
        body["location"]!["postcode"] = "12345";
        body["receivedAt"] = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm:ssZ");

        var response = await ApiAppFactory.PostAsync(client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["areaCode", "category", "location.postcode", "receivedAt", "thrive.grade"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(0, await StoredAsync(stormRef));
    }

    [Fact]
    public async Task GoodUnicodeTextIsKeptExactly()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var stormRef = NewRef();
        const string text = "Neighbour shouted «ابتعد» at 🚪 door — Zoë, naïve café; שלום; <b>not markup</b>";
        var body = ApiAppFactory.Incident(stormRef);
        body["description"] = text;
        body["reporter"]!["name"] = "Siân Ó Briain";

        Assert.Equal(HttpStatusCode.Created, (await ApiAppFactory.PostAsync(client, body)).StatusCode);

        await using var db = app.CreateDbContext();
        var stored = await db.Incidents.SingleAsync(i => i.StormRef == stormRef);
        Assert.Equal(text, stored.Description);
        Assert.Equal("Siân Ó Briain", stored.ReporterName);
    }

    [Fact]
    public async Task ABatchStoresExactlyTheGoodItems()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var existing = ApiAppFactory.Incident(NewRef());
        await ApiAppFactory.PostAsync(client, existing);
        var conflicting = ApiAppFactory.Incident((string)existing["stormRef"]!);
        conflicting["description"] = "Changed";
        var good1 = ApiAppFactory.Incident(NewRef());
        var good2 = ApiAppFactory.Incident(NewRef());
        var bad = ApiAppFactory.Incident(NewRef());
        bad["category"] = 7;
        var batch = new JsonObject
        {
            ["incidents"] = new JsonArray(good1, bad, existing.DeepClone(), conflicting, good2, good1.DeepClone()),
        };

        var response = await ApiAppFactory.PostAsync(client, batch, "/api/v1/incidents:batch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var statuses = result["results"]!.AsArray().Select(r => (string)r!["status"]!).ToArray();
        Assert.Equal(["created", "invalid", "duplicate", "conflict", "created", "duplicate"], statuses);
        Assert.NotNull(result["results"]![1]!["errors"]!["category"]);
        Assert.Equal(1, await StoredAsync((string)good1["stormRef"]!));
        Assert.Equal(1, await StoredAsync((string)good2["stormRef"]!));
        Assert.Equal(0, await StoredAsync((string)bad["stormRef"]!));
    }

    [Fact]
    public async Task ABatchItemOver64KiBIsInvalidAndTheOthersAreStored()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var good = ApiAppFactory.Incident(NewRef());
        var large = ApiAppFactory.Incident(NewRef());
        large["description"] = new string('x', 70_000);
        var batch = new JsonObject { ["incidents"] = new JsonArray(good, large) };

        var response = await ApiAppFactory.PostAsync(client, batch, "/api/v1/incidents:batch");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await response.Content.ReadFromJsonAsync<JsonObject>())!["results"]!.AsArray();
        Assert.Equal(["created", "invalid"], results.Select(r => (string)r!["status"]!));
        Assert.NotNull(results[1]!["errors"]!["body"]);
        Assert.Equal(1, await StoredAsync((string)good["stormRef"]!));
        Assert.Equal(0, await StoredAsync((string)large["stormRef"]!));
    }

    [Fact]
    public async Task ABatchOfMoreThan500IsRefusedWhole()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var items = new JsonArray(Enumerable.Range(0, 501).Select(_ => (JsonNode)ApiAppFactory.Incident(NewRef())).ToArray());

        var response = await ApiAppFactory.PostAsync(client, new JsonObject { ["incidents"] = items }, "/api/v1/incidents:batch");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        var refs = items.Select(i => (string)i!["stormRef"]!).ToList();
        Assert.False(await db.Incidents.AnyAsync(i => refs.Contains(i.StormRef)));
    }

    [Fact]
    public async Task AStoredIncidentCanBeReadBack()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var created = await (await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(NewRef()))).Content.ReadFromJsonAsync<JsonObject>();

        var read = await client.GetFromJsonAsync<JsonObject>($"/api/v1/incidents/{(long)created!["id"]!}");
        var missing = await client.GetAsync("/api/v1/incidents/999999999");

        Assert.Equal((string?)created["stormRef"], (string?)read!["stormRef"]);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task NonJsonContentIs415()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);

        var response = await client.PostAsync("/api/v1/incidents", new StringContent("stormRef=LP-1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, await response.Content.ReadAsStringAsync() + response.Headers);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesEveryEndpoint()
    {
        using var client = app.ClientWithKey(null);

        var document = await client.GetFromJsonAsync<JsonDocument>("/openapi/v1.json");

        var paths = document!.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/incidents", paths);
        Assert.Contains("/api/v1/incidents:batch", paths);
        Assert.Contains("/api/v1/markers", paths);
        Assert.Contains("/api/v1/areas", paths);
    }
}
