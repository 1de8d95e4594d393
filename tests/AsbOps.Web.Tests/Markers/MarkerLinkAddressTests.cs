using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Risk;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Markers;

/// <summary>The app with <c>App:BaseUrl</c> set; an older <c>Email:BaseUrl</c> is present too and loses.</summary>
public sealed class BaseUrlApiAppFactory : ApiAppFactory
{
    public const string BaseUrl = "https://asbops.force.test";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["App:BaseUrl"] = BaseUrl,
        ["Email:BaseUrl"] = "https://old-address.force.test",
    };
}

public sealed class MarkerLinkAddressTests(BaseUrlApiAppFactory app) : IClassFixture<BaseUrlApiAppFactory>
{
    [Fact]
    public async Task MarkerLinksStartWithAppBaseUrlWhateverHostTheRequestNames()
    {
        var area = await app.AddAreaAsync("LINKHOST");
        string reference;
        await using (var db = app.CreateDbContext())
        {
            var b = new CaseBuilder(db, DateTime.UtcNow);
            var @case = b.Case(area.Id, openedHoursAgo: 48, nextReviewInDays: null, address: "9 Host Street, Loughborough", postcode: "LE11 7HH",
                summary: "Host header check", with: c => c.RiskLevel = RiskLevel.High);
            await db.SaveChangesAsync();
            b.Marker(@case, type: MarkerSubjectType.Location, placedAt: DateTime.UtcNow.AddDays(-1), address: @case.Address, postcode: "LE11 7HH");
            await db.SaveChangesAsync();
            reference = @case.Reference;
        }

        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/markers?postcode=LE11%207HH");
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request);

        response.EnsureSuccessStatusCode();
        var marker = Assert.Single((await response.Content.ReadFromJsonAsync<JsonArray>())!);
        Assert.Equal($"{BaseUrlApiAppFactory.BaseUrl}/cases/{reference}", (string?)marker!["link"]);
    }
}
