using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Risk;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Markers;

public sealed class MarkerApiTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>
{
    private async Task<(AsbCase Case, Marker Person, Marker Location)> PlaceMarkersAsync(string postcode, string personName)
    {
        var area = await app.AddAreaAsync("MARKERS");
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, DateTime.UtcNow);
        var @case = b.Case(area.Id, openedHoursAgo: 72, nextReviewInDays: null, address: "4 Marker Lane, Loughborough", postcode: postcode,
            summary: "Targeted harassment", with: c => c.RiskLevel = RiskLevel.High);
        await db.SaveChangesAsync();
        var person = b.Marker(@case, type: MarkerSubjectType.Person, subject: personName, placedAt: DateTime.UtcNow.AddDays(-2),
            address: @case.Address, postcode: postcode);
        var location = b.Marker(@case, placedAt: DateTime.UtcNow.AddDays(-2), address: @case.Address, postcode: postcode);
        await db.SaveChangesAsync();
        return (@case, person, location);
    }

    [Fact]
    public async Task ActiveMarkersAreFoundByPostcodeNameAndCaseReference()
    {
        var (@case, _, _) = await PlaceMarkersAsync("LE11 9ZZ", "Morgan Testperson");
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);

        var byPostcode = await client.GetFromJsonAsync<JsonArray>("/api/v1/markers?postcode=le119zz");
        var byName = await client.GetFromJsonAsync<JsonArray>("/api/v1/markers?personName=testperson%20morgan");
        var byCase = await client.GetFromJsonAsync<JsonArray>($"/api/v1/markers?caseRef={@case.Reference}");
        var byAddress = await client.GetFromJsonAsync<JsonArray>("/api/v1/markers?address=marker%20lane");

        Assert.Equal(2, byPostcode!.Count);
        var person = Assert.Single(byName!);
        Assert.Equal("person", (string?)person!["subjectType"]);
        Assert.Equal("Morgan Testperson", (string?)person["subject"]);
        Assert.Equal(@case.Reference, (string?)person["caseRef"]);
        Assert.Equal("high", (string?)person["riskLevel"]);
        Assert.Equal("MARKERS", (string?)person["areaCode"]);
        Assert.EndsWith($"/cases/{@case.Reference}", (string?)person["link"]);
        Assert.Equal(2, byCase!.Count);
        Assert.Equal(2, byAddress!.Count);
    }

    [Fact]
    public async Task AnEndedMarkerIsNoLongerReturned()
    {
        var (_, person, _) = await PlaceMarkersAsync("LE12 8YY", "Riley Endedmarker");
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Markers.FindAsync(person.Id);
            stored!.End(DateTime.UtcNow, "Risk fell below high");
            await db.SaveChangesAsync();
        }

        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var byPostcode = await client.GetFromJsonAsync<JsonArray>("/api/v1/markers?postcode=LE12%208YY");
        var byName = await client.GetFromJsonAsync<JsonArray>("/api/v1/markers?personName=Endedmarker");

        var remaining = Assert.Single(byPostcode!);
        Assert.Equal("location", (string?)remaining!["subjectType"]);
        Assert.Empty(byName!);
    }

    [Theory]
    [InlineData("/api/v1/markers")]
    [InlineData("/api/v1/markers?postcode=banana")]
    [InlineData("/api/v1/markers?caseRef=ASB-1")]
    [InlineData("/api/v1/markers?personName=x")]
    public async Task AnEmptyOrMalformedQueryIs400(string url)
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MarkersNeedTheMarkersScope()
    {
        using var wallboard = app.ClientWithKey(ApiAppFactory.WallboardKey);
        using var anonymous = app.ClientWithKey(null);

        Assert.Equal(HttpStatusCode.Forbidden, (await wallboard.GetAsync("/api/v1/markers?postcode=LE11%201AA")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/markers?postcode=LE11%201AA")).StatusCode);
    }

    [Fact]
    public async Task AreasAreListedForAnyValidKey()
    {
        await app.AddAreaAsync("MARKERS");
        using var wallboard = app.ClientWithKey(ApiAppFactory.WallboardKey);
        using var anonymous = app.ClientWithKey(null);

        var areas = await wallboard.GetFromJsonAsync<JsonArray>("/api/v1/areas");

        Assert.Contains(areas!, a => (string?)a!["code"] == "MARKERS" && (string?)a["name"] == "Markers");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/areas")).StatusCode);
    }
}
