using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Map;

/// <summary>
/// The map's filters (period, category, risk level) in Chromium as an officer of CHARNWOOD changes them one after
/// another: the counts beside the map, the points handed to the marker and heat layers, and the numbers on the
/// clusters plus the single markers drawn all equal what the database holds for that filter.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class MapFilterTests(LiveAppFixture app)
{
    [Fact]
    public async Task EachFilterChangesTheCountsTheMarkersAndTheHeatAsTheDatabaseSays()
    {
        var page = await app.SignInAsync("officer@demo.local");
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/map");
        await page.WaitForInteractiveAsync();
        var map = page.GetByTestId("map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "true");
        var data = await CharnwoodAsync();

        var filter = new Filter(90, [.. Enum.GetValues<AsbCategory>()], [.. Enum.GetValues<RiskLevel>()]);
        var shown = await ExpectShownAsync(page, data, filter);

        // The period: 30 days has fewer incidents than 90 (the demo force spreads them over the year).
        await page.GetByTestId("map-period").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "30 days" }).ClickAsync();
        filter = filter with { Days = 30 };
        var after = await ExpectShownAsync(page, data, filter);
        Assert.True(after.Incidents < shown.Incidents, $"30 days shows {after.Incidents} incidents, 90 days {shown.Incidents}");
        shown = after;

        // A category: the one with the most incidents in the period is unticked.
        var category = data.Incidents.Where(i => filter.Matches(i, data.Now)).GroupBy(i => i.Category).MaxBy(g => g.Count())!.Key;
        await Box(page, $"map-category-{category.ToString().ToLowerInvariant()}").UncheckAsync();
        filter.Categories.Remove(category);
        after = await ExpectShownAsync(page, data, filter);
        Assert.True(after.Incidents < shown.Incidents, $"without {category}: {after.Incidents} incidents, before {shown.Incidents}");
        shown = after;

        // A risk level: the one with the most incidents left is unticked.
        var level = data.Incidents.Where(i => filter.Matches(i, data.Now)).GroupBy(i => i.Risk).MaxBy(g => g.Count())!.Key;
        await Box(page, $"map-risk-{level.ToString().ToLowerInvariant()}").UncheckAsync();
        filter.Levels.Remove(level);
        after = await ExpectShownAsync(page, data, filter);
        Assert.True(after.Incidents < shown.Incidents, $"without {level}: {after.Incidents} incidents, before {shown.Incidents}");

        // Ticked again, the category comes back.
        await Box(page, $"map-category-{category.ToString().ToLowerInvariant()}").CheckAsync();
        filter.Categories.Add(category);
        await ExpectShownAsync(page, data, filter);
        await page.Context.CloseAsync();
    }

    /// <summary>Waits for the page to show the filter's figures and checks each against the database.</summary>
    private static async Task<Counts> ExpectShownAsync(IPage page, Charnwood data, Filter filter)
    {
        var incidents = data.Incidents.Where(i => filter.Matches(i, data.Now)).ToList();
        var placed = incidents.Count(i => i.Placed);
        var cases = data.Cases.Where(filter.Matches).ToList();
        var placedCases = cases.Count(c => c.Placed);
        var map = page.GetByTestId("map");

        await Assertions.Expect(page.GetByTestId("map-incident-count")).ToHaveTextAsync(Text(placed));
        await Assertions.Expect(page.GetByTestId("map-case-count")).ToHaveTextAsync(Text(placedCases));
        await Assertions.Expect(page.GetByTestId("map-unplaced-count")).ToHaveTextAsync(Text(incidents.Count - placed));
        await Assertions.Expect(map).ToHaveAttributeAsync("data-incidents", Text(placed));
        await Assertions.Expect(map).ToHaveAttributeAsync("data-cases", Text(placedCases));
        await Assertions.Expect(map).ToHaveAttributeAsync("data-heat", Text(placed));
        if (cases.Count > placedCases)
        {
            await Assertions.Expect(page.GetByTestId("map-cases-unplaced")).ToContainTextAsync($"{cases.Count - placedCases} open");
        }

        // Every point is inside the view (fitted on load and on a new period; the other filters only take points
        // away), so the clusters' numbers plus the markers drawn on their own add up to every point handed over.
        // Leaflet redraws the layer a frame or more after the counts change (the old clusters can still be in the page
        // beside the new ones), so the sum is awaited until it matches, and compared once more for the message.
        const string DrawnSum = """
            [...document.querySelectorAll('[data-testid=map] .map-cluster > span:first-child')]
                .reduce((sum, s) => sum + parseInt(s.textContent, 10), 0)
              + document.querySelectorAll('[data-testid=map] .map-point').length
            """;
        try
        {
            await page.WaitForFunctionAsync($"expected => ({DrawnSum}) === expected", placed + placedCases, new() { Timeout = 10_000 });
        }
        catch (PlaywrightException)
        {
            // Timed out: the comparison below reports what was drawn.
        }

        var drawn = await page.EvaluateAsync<int>($"() => {DrawnSum}");
        Assert.Equal(placed + placedCases, drawn);

        // Every single marker drawn is of a risk level and category the filter shows.
        var keys = filter.Levels.Select(l => l.ToString().ToLowerInvariant()).ToHashSet();
        foreach (var risk in await page.Locator("[data-testid=map] .map-point").EvaluateAllAsync<string[]>("ps => ps.map(p => p.dataset.risk)"))
        {
            Assert.Contains(risk, keys);
        }

        return new Counts(placed, placedCases);
    }

    /// <summary>The check box input of a MudCheckBox hook, whichever element the hook landed on.</summary>
    private static ILocator Box(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<Charnwood> CharnwoodAsync()
    {
        await using var db = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext();
        var areaId = await db.Areas.Where(a => a.Code == "CHARNWOOD").Select(a => a.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var since = now.AddDays(-91);
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.AreaId == areaId && i.ReceivedAt >= since)
            .Select(i => new IncidentFact(
                i.ReceivedAt,
                i.Category,
                db.Cases.Where(c => c.Id == i.CaseId).Select(c => (RiskLevel?)c.RiskLevel).FirstOrDefault() ?? RiskLevel.NotAssessed,
                i.Latitude != null && i.Longitude != null))
            .ToListAsync();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.AreaId == areaId && (c.Status == CaseStatus.Open || c.Status == CaseStatus.UnderReview))
            .Select(c => new CaseFact(c.Category, c.RiskLevel,
                db.Incidents.Any(i => i.CaseId == c.Id && i.Latitude != null && i.Longitude != null)))
            .ToListAsync();
        Assert.NotEmpty(incidents);
        Assert.NotEmpty(cases);
        return new Charnwood(now, incidents, cases);
    }

    private sealed record IncidentFact(DateTime ReceivedAt, AsbCategory Category, RiskLevel Risk, bool Placed);

    private sealed record CaseFact(AsbCategory Category, RiskLevel Risk, bool Placed);

    private sealed record Charnwood(DateTime Now, IReadOnlyList<IncidentFact> Incidents, IReadOnlyList<CaseFact> Cases);

    private sealed record Counts(int Incidents, int Cases);

    private sealed record Filter(int Days, HashSet<AsbCategory> Categories, HashSet<RiskLevel> Levels)
    {
        public bool Matches(IncidentFact incident, DateTime now) =>
            incident.ReceivedAt >= now.AddDays(-Days) && Categories.Contains(incident.Category) && Levels.Contains(incident.Risk);

        public bool Matches(CaseFact @case) => Categories.Contains(@case.Category) && Levels.Contains(@case.Risk);
    }
}
