using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Intake;

/// <summary>Hostile and broken requests get the documented 4xx, never a 500, and nothing is stored.</summary>
public sealed class BadInputCorpusTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await app.AddAreaAsync("APIAREA");

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> RawBodies => new()
    {
        { "truncated JSON", "{\"stormRef\": \"LP-1\", " },
        { "not JSON at all", "stormRef=LP-1&category=personal" },
        { "a JSON array", "[1,2,3]" },
        { "a JSON string", "\"hello\"" },
        { "empty body", "" },
        { "trailing comma", "{\"stormRef\":\"LP-BAD-1\",}" },
        { "deeply nested", new string('[', 200) + new string(']', 200) },
        { "null", "null" },
    };

    [Theory]
    [MemberData(nameof(RawBodies))]
    public async Task MalformedBodiesAre400(string why, string raw)
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var before = await CountAsync();

        var response = await client.PostAsync("/api/v1/incidents", new StringContent(raw, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    public static TheoryData<string, string, JsonNode?, string> FieldCases => new()
    {
        { "stormRef as a number", "stormRef", 42, "stormRef" },
        { "missing stormRef", "stormRef", null, "stormRef" },
        { "script tag as stormRef", "stormRef", "<script>alert(1)</script>", "stormRef" },
        { "SQL as stormRef", "stormRef", "'; DROP TABLE Incidents; --", "stormRef" },
        { "SQL as area", "areaCode", "CHARNWOOD' OR '1'='1", "areaCode" },
        { "enormous stormRef", "stormRef", new string('A', 5000), "stormRef" },
        { "receivedAt without zone", "receivedAt", "2026-11-25T14:03:00", "receivedAt" },
        { "receivedAt in the future", "receivedAt", "2099-01-01T00:00:00Z", "receivedAt" },
        { "receivedAt as a date only", "receivedAt", "2026-11-25", "receivedAt" },
        { "receivedAt nonsense", "receivedAt", "yesterday", "receivedAt" },
        { "receivedAt as a number", "receivedAt", 1764079380, "receivedAt" },
        { "category upper case", "category", "PERSONAL", "category" },
        { "category as a number", "category", 1, "category" },
        { "description too long", "description", new string('x', 4001), "description" },
        { "description with a NUL", "description", "noise\u0000at night", "description" },
        { "description with a bell", "description", "noise\u0007", "description" },
        { "description empty", "description", "   ", "description" },
        { "extra top-level field", "priority", "high", "priority" },
        { "location as a string", "location", "12 Example Road", "location" },
        { "thrive missing", "thrive", null, "thrive" },
        { "reporter as an array", "reporter", new JsonArray(), "reporter" },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public async Task EachBadFieldIsNamedIn400(string why, string field, JsonNode? value, string expectedError)
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var stormRef = "LP-CORPUS-" + Guid.NewGuid().ToString("N")[..8];
        var body = ApiAppFactory.Incident(stormRef);
        if (value is null)
        {
            body.Remove(field);
        }
        else
        {
            body[field] = value.DeepClone();
        }

        var response = await ApiAppFactory.PostAsync(client, body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(expectedError), $"{why}: errors were {errors.ToJsonString()}");
        await using var db = app.CreateDbContext();
        Assert.False(await db.Incidents.AnyAsync(i => i.StormRef == stormRef));
    }

    public static TheoryData<string, string, JsonNode, string> NestedCases => new()
    {
        { "latitude out of range", "lat", 123.0, "location.lat" },
        { "latitude as text", "lat", "52.7", "location.lat" },
        { "unknown location field", "floor", 3, "location.floor" },
        { "postcode nonsense", "postcode", "NOT A POSTCODE", "location.postcode" },
        { "address with control characters", "address", "12 Road\u001b[31m", "location.address" },
    };

    [Theory]
    [MemberData(nameof(NestedCases))]
    public async Task BadLocationFieldsAreNamedWithTheirPath(string why, string field, JsonNode value, string expectedError)
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var body = ApiAppFactory.Incident("LP-NEST-" + Guid.NewGuid().ToString("N")[..8]);
        body["location"]![field] = value.DeepClone();

        var response = await ApiAppFactory.PostAsync(client, body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode}");
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(expectedError), $"{why}: errors were {errors.ToJsonString()}");
    }

    [Fact]
    public async Task ATimeWithAnOffsetIsStoredAsUtc()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var stormRef = "LP-TZ-" + Guid.NewGuid().ToString("N")[..8];
        var body = ApiAppFactory.Incident(stormRef);
        body["receivedAt"] = "2026-06-01T15:00:00+01:00";

        Assert.Equal(HttpStatusCode.Created, (await ApiAppFactory.PostAsync(client, body)).StatusCode);

        await using var db = app.CreateDbContext();
        var stored = await db.Incidents.SingleAsync(i => i.StormRef == stormRef);
        Assert.Equal(new DateTime(2026, 6, 1, 14, 0, 0, DateTimeKind.Utc), stored.ReceivedAt);
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Incidents.CountAsync();
    }
}
