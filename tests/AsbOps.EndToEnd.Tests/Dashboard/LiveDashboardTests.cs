using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AsbOps.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Dashboard;

[Collection(LiveAppCollection.Name)]
public sealed class LiveDashboardTests(LiveAppFixture app)
{
    private const string DemoStormKey = "demo-storm-key-2026";

    [Fact]
    public async Task AnIncidentPostedThroughTheApiShowsOnAnOpenDashboardWithoutReload()
    {
        var first = await app.SignInAsync("inspector@demo.local");
        var second = await app.SignInAsync("inspector@demo.local");
        await first.GotoAsync("/");
        await second.GotoAsync("/");
        await first.WaitForInteractiveAsync();
        await second.WaitForInteractiveAsync();
        var counter = second.GetByTestId("counter-awaitingScreening");
        var before = int.Parse((await counter.TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
        var urlBefore = second.Url;

        await PostCharnwoodIncidentAsync();

        await Assertions.Expect(counter).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 5_000 });
        await Assertions.Expect(first.GetByTestId("counter-awaitingScreening")).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 5_000 });
        Assert.Equal(urlBefore, second.Url);
    }

    private async Task PostCharnwoodIncidentAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", DemoStormKey);
        var response = await client.PostAsJsonAsync("/api/v1/incidents", new
        {
            stormRef = "LP-E2E-" + Guid.NewGuid().ToString("N")[..12],
            receivedAt = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            category = "nuisance",
            areaCode = "CHARNWOOD",
            location = new { address = "3 Market Place, Loughborough", postcode = "LE11 3EB", lat = 52.77, lon = -1.2 },
            description = "Group of youths shouting outside the shops",
            thrive = new
            {
                threat = "Low",
                harm = "Nuisance to shoppers",
                risk = "May recur tonight",
                investigation = "CCTV",
                vulnerability = "None known",
                engagement = "Caller willing",
                grade = "scheduled",
            },
            reporter = new { name = "A Shopkeeper", phone = "07000 000001" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
