using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Incidents;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseReviews;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public async Task ACaseReviewApplicationLoggedElsewhereRaisesTheOpenDashboardsCaseReviewCounter()
    {
        var page = await app.SignInAsync("inspector@demo.local");
        await page.GotoAsync("/");
        await page.WaitForInteractiveAsync();
        var counter = page.GetByTestId("counter-caseReviewsDue");
        var before = int.Parse((await counter.TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
        var urlBefore = page.Url;

        // Logged by another user of the area, as the form or the API would: its acknowledge clock starts running.
        UserScope sergeant;
        int areaId;
        await using (var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == "sergeant@demo.local");
            areaId = await db.Areas.Where(a => a.Code == "CHARNWOOD").Select(a => a.Id).SingleAsync();
            sergeant = new UserScope(user.Id, user.DisplayName, Roles.Sergeant, user.AreaId, null);
        }

        var logged = await app.Services.GetRequiredService<ApplicationLogger>().LogAsync(sergeant, new ApplicationInput
        {
            AreaId = areaId,
            ApplicantKind = CaseReviewApplicant.Victim,
            ApplicantName = "Mrs E2E Counter",
            ReceivedVia = CaseReviewChannel.Phone,
            ReceivedAt = DateTime.UtcNow.AddMinutes(-10),
            ContactPhone = "07700 900555",
            Category = AsbCategory.Personal,
            Postcode = "LE11 3EB",
            Account = "Shouting outside the flat most nights since the summer.",
        });
        Assert.Equal(LogOutcome.Created, logged.Outcome);

        await Assertions.Expect(counter).ToHaveTextAsync((before + 1).ToString(CultureInfo.InvariantCulture), new() { Timeout = 5_000 });
        Assert.Equal(urlBefore, page.Url);
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
