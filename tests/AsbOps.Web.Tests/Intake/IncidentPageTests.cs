using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Intake;

public sealed class IncidentPageTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Fact]
    public async Task TheIncidentPageShowsEachScreeningLetterAndTheDecision()
    {
        var area = await app.AddAreaAsync("SCREENA");
        var officer = await app.AddUserAsync("screen.officer@test.local", Roles.Officer, area.Id, displayName: "PC Ada Wells");
        var caseRef = new CaseReference(2026, 101).ToString();
        var id = await AddIncidentAsync(area.Id, "SA-0001", caseRef, new VictorEScreening
        {
            ScreenedAt = new DateTime(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc),
            ScreenedByUserId = officer.Id,
            HarassmentAlarmDistress = true,
            Vulnerable = true,
            Targeted = true,
        });
        using var client = await app.CreateSignedInClientAsync("screen.officer@test.local");

        var page = await Html.GetAsync(client, $"/incidents/{id}");

        var decision = page.Single("screening-decision");
        Assert.Equal("true", decision.GetAttribute("data-case-managed"));
        Assert.Contains("Should be case managed", decision.Text());
        Assert.Contains("PC Ada Wells", decision.Text());
        Assert.Equal("yes", page.Single("screening-had").GetAttribute("data-applies"));
        var letters = page.All("screening-letter").ToDictionary(l => l.GetAttribute("data-letter")!, l => l);
        Assert.Equal(["V", "I", "C", "T", "O", "R", "E"], letters.Keys);
        Assert.Equal(["V", "T"], letters.Where(l => l.Value.GetAttribute("data-applies") == "yes").Select(l => l.Key));
        foreach (var letter in VictorELetters.All)
        {
            Assert.Contains(letter.Explanation, letters[letter.Code.ToString()].Text());
        }

        Assert.Equal($"/cases/{caseRef}", page.Single("incident-case-link").GetAttribute("href"));
        Assert.Equal("SA-0001", page.Single("incident-storm-ref").Text());
    }

    [Fact]
    public async Task HarassmentWithoutAnyLetterIsShownAsNotCaseManaged()
    {
        var area = await app.AddAreaAsync("SCREENB");
        var officer = await app.AddUserAsync("screen.b@test.local", Roles.Officer, area.Id);
        var id = await AddIncidentAsync(area.Id, "SB-0001", null, new VictorEScreening
        {
            ScreenedAt = new DateTime(2026, 11, 21, 9, 30, 0, DateTimeKind.Utc),
            ScreenedByUserId = officer.Id,
            HarassmentAlarmDistress = true,
        });
        using var client = await app.CreateSignedInClientAsync("screen.b@test.local");

        var page = await Html.GetAsync(client, $"/incidents/{id}");

        Assert.Equal("false", page.Single("screening-decision").GetAttribute("data-case-managed"));
        Assert.Contains("Should not be case managed", page.Single("screening-decision").Text());
        Assert.Empty(page.All("incident-case-link"));
    }

    [Fact]
    public async Task AnUnscreenedIncidentSaysItIsAwaitingScreeningToAReaderWhoMayNotScreen()
    {
        var area = await app.AddAreaAsync("SCREENC");
        await app.AddUserAsync("screen.c@test.local", Roles.Compliance, area.Id);
        var id = await AddIncidentAsync(area.Id, "SC-0001", null, null);
        using var client = await app.CreateSignedInClientAsync("screen.c@test.local");

        var page = await Html.GetAsync(client, $"/incidents/{id}");

        Assert.Single(page.All("screening-awaiting"));
        Assert.Empty(page.All("screening-decision"));
        Assert.Equal("Awaiting screening", page.Single("incident-state").Text());
        Assert.Equal(6, page.All("thrive-note").Count);
        Assert.Empty(page.All("screening-form"));
    }

    [Fact]
    public async Task AnUnscreenedIncidentOffersTheScreeningFormToASergeantOfItsArea()
    {
        var area = await app.AddAreaAsync("SCREEND");
        await app.AddUserAsync("screen.d@test.local", Roles.Sergeant, area.Id);
        var id = await AddIncidentAsync(area.Id, "SD-0001", null, null);
        using var client = await app.CreateSignedInClientAsync("screen.d@test.local");

        var page = await Html.GetAsync(client, $"/incidents/{id}");

        Assert.Single(page.All("screening-form"));
        Assert.Empty(page.All("screening-error"));
        Assert.Equal("false", page.Single("screening-live-decision").GetAttribute("data-case-managed"));
        Assert.Equal(7, page.All("screening-input-letter").Count);
        Assert.Equal("Awaiting screening", page.Single("incident-state").Text());
    }

    [Fact]
    public async Task AnOfficerOfAnotherAreaGetsTheNotFoundViewWithNothingOfTheIncident()
    {
        var home = await app.AddAreaAsync("HOMEAREA");
        var other = await app.AddAreaAsync("OTHERAREA");
        await app.AddUserAsync("elsewhere@test.local", Roles.Officer, other.Id);
        var id = await AddIncidentAsync(home.Id, "HA-0001", null, null);
        using var client = await app.CreateSignedInClientAsync("elsewhere@test.local");

        var page = await Html.GetAsync(client, $"/incidents/{id}");

        Assert.Single(page.All("incident-not-found"));
        Assert.DoesNotContain("HA-0001", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Secret description HA-0001", page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task AForceWideUserOpensAnIncidentOfAnyArea()
    {
        var home = await app.AddAreaAsync("FWHOME");
        var other = await app.AddAreaAsync("FWOTHER");
        await app.AddUserAsync("forcewide@test.local", Roles.Compliance, other.Id);
        var id = await AddIncidentAsync(home.Id, "FW-0001", null, null);
        using var client = await app.CreateSignedInClientAsync("forcewide@test.local");

        var page = await Html.GetAsync(client, $"/incidents/{id}");

        Assert.Equal("FW-0001", page.Single("incident-storm-ref").Text());
    }

    [Fact]
    public async Task AnUnknownIncidentNumberGetsTheNotFoundView()
    {
        var area = await app.AddAreaAsync("UNKNOWNA");
        await app.AddUserAsync("unknown.id@test.local", Roles.Officer, area.Id);
        using var client = await app.CreateSignedInClientAsync("unknown.id@test.local");

        var page = await Html.GetAsync(client, "/incidents/987654321");

        Assert.Single(page.All("incident-not-found"));
    }

    private async Task<long> AddIncidentAsync(int areaId, string stormRef, string? caseRef, VictorEScreening? screening)
    {
        var at = new DateTime(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, at);
        AsbCase? asbCase = null;
        if (caseRef is not null)
        {
            asbCase = b.Case(areaId, caseRef, openedAt: at, nextReviewInDays: null, address: "3 Test Street", postcode: "TE1 1ST");
            await db.SaveChangesAsync();
        }

        var incident = b.Incident(areaId, stormRef, asbCase, receivedAt: at, address: "3 Test Street", postcode: "TE1 1ST",
            description: $"Secret description {stormRef}", category: AsbCategory.Personal, with: i =>
            {
                i.Screening = screening;
                i.Thrive = new ThriveAssessment { Threat = "Verbal threats", Harm = "Distress", Grade = ThriveGrade.Priority };
            });
        await db.SaveChangesAsync();
        return incident.Id;
    }
}
