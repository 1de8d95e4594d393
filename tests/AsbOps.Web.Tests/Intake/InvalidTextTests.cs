using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Intake;

/// <summary>
/// Text that parses as JSON but is not valid text (raw bytes that are not UTF-8, an escaped lone surrogate) and
/// objects that give a field twice are 400s naming the field, and in a batch they spoil only their own item.
/// </summary>
public sealed class InvalidTextTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() => await app.AddAreaAsync("APIAREA");

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> StringFields => new()
    {
        "stormRef", "receivedAt", "category", "areaCode", "description", "location.address", "location.postcode",
        "thrive.threat", "thrive.grade", "reporter.name", "reporter.phone",
    };

    [Theory]
    [MemberData(nameof(StringFields))]
    public async Task ALoneSurrogateInAnyStringFieldIsA400NamingIt(string field)
    {
        var stormRef = NewRef("LP-SUR");
        var raw = WithRawValue(ApiAppFactory.Incident(stormRef), field, "\"ab\\ud800cd\"");

        var response = await PostRawAsync("/api/v1/incidents", Encoding.UTF8.GetBytes(raw));

        await AssertNamedAsync(response, field);
        Assert.False(await StoredAsync(stormRef));
    }

    [Fact]
    public async Task RawBytesThatAreNotUtf8AreA400NamingTheField()
    {
        var stormRef = NewRef("LP-UTF");
        var body = Encoding.UTF8.GetBytes(WithRawValue(ApiAppFactory.Incident(stormRef), "description", "\"noise MARK at night\""));
        Replace(body, "MARK"u8, [0xFF, 0xFE, 0x20, 0x20]);

        var response = await PostRawAsync("/api/v1/incidents", body);

        await AssertNamedAsync(response, "description");
        Assert.False(await StoredAsync(stormRef));
    }

    [Fact]
    public async Task AFieldNameThatIsNotValidTextIsA400()
    {
        var raw = ApiAppFactory.Incident(NewRef("LP-NAME")).ToJsonString().Replace("\"reporter\":", "\"rep\\udc00\":", StringComparison.Ordinal);

        var response = await PostRawAsync("/api/v1/incidents", Encoding.UTF8.GetBytes(raw));

        await AssertNamedAsync(response, "body");
    }

    [Fact]
    public async Task InABatchABadItemIsInvalidAndTheGoodOnesAreStored()
    {
        var good1 = NewRef("LP-GOOD");
        var bad = NewRef("LP-BAD");
        var good2 = NewRef("LP-GOOD");
        var badItem = Encoding.UTF8.GetBytes(WithRawValue(ApiAppFactory.Incident(bad), "description", "\"MARK\""));
        Replace(badItem, "MARK"u8, [0xC3, 0x28, 0x41, 0x41]);
        var badStormRef = WithRawValue(ApiAppFactory.Incident(NewRef("LP-X")), "stormRef", "\"\\udfff\"");
        var body = Concat(
            $"{{\"incidents\":[{ApiAppFactory.Incident(good1).ToJsonString()},", badItem, $",{badStormRef},{ApiAppFactory.Incident(good2).ToJsonString()}]}}");

        var response = await PostRawAsync("/api/v1/incidents:batch", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, (int)result["created"]!);
        Assert.Equal(2, (int)result["invalid"]!);
        var items = result["results"]!.AsArray();
        Assert.Equal("invalid", (string)items[1]!["status"]!);
        Assert.Equal(bad, (string?)items[1]!["stormRef"]);
        Assert.True(items[1]!["errors"]!.AsObject().ContainsKey("description"));
        Assert.Equal("invalid", (string)items[2]!["status"]!);
        Assert.Null((string?)items[2]!["stormRef"]);
        Assert.True(items[2]!["errors"]!.AsObject().ContainsKey("stormRef"));
        Assert.True(await StoredAsync(good1));
        Assert.True(await StoredAsync(good2));
        Assert.False(await StoredAsync(bad));
    }

    public static TheoryData<string, string> Duplicates => new()
    {
        { "\"stormRef\":", "stormRef" },
        { "\"postcode\":", "location.postcode" },
        { "\"grade\":", "thrive.grade" },
    };

    [Theory]
    [MemberData(nameof(Duplicates))]
    public async Task AFieldGivenTwiceIsA400NamingIt(string property, string field)
    {
        var stormRef = NewRef("LP-DUP");
        var json = ApiAppFactory.Incident(stormRef).ToJsonString();
        var at = json.IndexOf(property, StringComparison.Ordinal);
        var end = json.IndexOfAny([',', '}'], at);
        var raw = json[..end] + "," + json[at..end] + json[end..];

        var response = await PostRawAsync("/api/v1/incidents", Encoding.UTF8.GetBytes(raw));

        await AssertNamedAsync(response, field);
        Assert.False(await StoredAsync(stormRef));
    }

    [Fact]
    public async Task ABatchGivingIncidentsTwiceIsA400()
    {
        var one = ApiAppFactory.Incident(NewRef("LP-DUPB")).ToJsonString();
        var raw = $"{{\"incidents\":[{one}],\"incidents\":[{one}]}}";

        var response = await PostRawAsync("/api/v1/incidents:batch", Encoding.UTF8.GetBytes(raw));

        await AssertNamedAsync(response, "incidents");
    }

    private static string NewRef(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The body as JSON text with one field's value (a dotted path) replaced by raw JSON.</summary>
    private static string WithRawValue(JsonObject body, string field, string rawValue)
    {
        var parts = field.Split('.');
        var parent = parts.Length == 1 ? body : body[parts[0]]!.AsObject();
        parent[parts[^1]] = "@@RAW@@";
        return body.ToJsonString().Replace("\"@@RAW@@\"", rawValue, StringComparison.Ordinal);
    }

    private static void Replace(byte[] body, ReadOnlySpan<byte> marker, byte[] bytes)
    {
        var at = body.AsSpan().IndexOf(marker);
        Assert.True(at >= 0);
        bytes.CopyTo(body, at);
    }

    private static byte[] Concat(string head, byte[] middle, string tail) =>
        [.. Encoding.UTF8.GetBytes(head), .. middle, .. Encoding.UTF8.GetBytes(tail)];

    private async Task<HttpResponseMessage> PostRawAsync(string path, byte[] body)
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await client.PostAsync(path, content);
    }

    private static async Task AssertNamedAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected {field}; errors were {errors.ToJsonString()}");
    }

    private async Task<bool> StoredAsync(string stormRef)
    {
        await using var db = app.CreateDbContext();
        return await db.Incidents.AnyAsync(i => i.StormRef == stormRef);
    }
}

/// <summary>An API request that fails on the server answers problem+json in every environment and never echoes its key.</summary>
public sealed class ApiServerErrorTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task AnApiFailureIsProblemJsonWithoutTheKey(string environment)
    {
        using var app = new EnvironmentApiFactory(environment);
        await app.AddAreaAsync("APIAREA");
        await using (var db = app.CreateDbContext())
        {
            // A real failure below the endpoint: the table its query reads is gone.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"Incidents\"");
        }

        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var response = await client.GetAsync("/api/v1/incidents/1");

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, (int)JsonNode.Parse(text)!["status"]!);
        Assert.DoesNotContain(ApiAppFactory.StormKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Api-Key", text, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class EnvironmentApiFactory(string environment) : ApiAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
