using System.Globalization;
using System.Security.Claims;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Dashboard;

public sealed class DashboardPageTests : BunitTestBase
{
    private readonly FakeDashboardQueries _queries = new();

    public DashboardPageTests()
    {
        Services.AddSingleton<IOpsDashboardQueries>(_queries);
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(new OpsNotifier(Microsoft.Extensions.Logging.Abstractions.NullLogger<OpsNotifier>.Instance));
    }

    private void SignIn(string role, int? areaId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("user@test.local");
        auth.SetRoles(role);
        if (areaId is { } id)
        {
            auth.SetClaims(new Claim(AppClaimTypes.AreaId, id.ToString(CultureInfo.InvariantCulture)));
        }
    }

    [Theory]
    [InlineData("awaitingScreening", "4")]
    [InlineData("openCases", "120")]
    [InlineData("highRiskCases", "9")]
    [InlineData("missingAssessments", "7")]
    [InlineData("unknownAnswers", "31")]
    [InlineData("overdueReviews", "5")]
    public void EachCounterHookHoldsOnlyItsNumber(string key, string expected)
    {
        SignIn(Roles.Inspector, 1);

        var page = Render<DashboardPage>();

        Assert.Equal(expected, page.Find($"[data-testid='counter-{key}']").TextContent);
    }

    [Fact]
    public async Task AReloadRendersAgainOnlyTheCardsQueuesAndHeatmapsWhoseNumbersMoved()
    {
        SignIn(Roles.Inspector, 1);
        var page = Render<DashboardPage>();
        // bUnit counts a render of a component or of anything inside it (a card's chart draws itself more than once).
        Dictionary<string, int> Renders() =>
            page.FindComponents<CounterCard>().Select(c => ("card-" + c.Instance.Key, c.RenderCount))
                .Concat(page.FindComponents<QueueList>().Select(c => ("queue-" + c.Instance.Queue.Key, c.RenderCount)))
                .Concat(page.FindComponents<RiskHeatmapView>().Select(c => (c.Instance.TestId, c.RenderCount)))
                .ToDictionary(x => x.Item1, x => x.Item2);
        var before = Renders();
        Assert.Contains("heatmap-area", before.Keys);

        // The same numbers in new objects (as every live change brings): nothing of them renders again.
        await page.InvokeAsync(page.Instance.ReloadAsync);
        Assert.Equal(before, Renders());

        _queries.MissingAssessments = 8;
        _queries.RoleCounts = new() { [RiskLevel.High] = 6 };
        await page.InvokeAsync(page.Instance.ReloadAsync);

        Assert.Equal("8", page.Find("[data-testid='counter-missingAssessments']").TextContent);
        Assert.Contains(page.FindAll("[data-testid='heatmap-role'] table a"), a => a.TextContent == "6");
        var after = Renders();
        string[] moved = ["card-missingAssessments", "heatmap-role"];
        Assert.All(moved, key => Assert.True(after[key] > before[key], key));
        Assert.Equal(before.Where(p => !moved.Contains(p.Key)), after.Where(p => !moved.Contains(p.Key)));
    }

    [Fact]
    public void TheQueuesShowTheirCountsRowsAndEmptyStates()
    {
        SignIn(Roles.Inspector, 1);

        var page = Render<DashboardPage>();

        var screening = page.Find("[data-testid='queue-awaitingScreening']");
        Assert.Equal("1", screening.QuerySelector("[data-testid='queue-count']")!.TextContent.Trim());
        Assert.Equal("/incidents/42", screening.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("No lowered risk level is waiting.",
            page.Find("[data-testid='queue-awaitingApproval'] [data-testid='queue-empty']").TextContent);
    }

    [Fact]
    public void TheHeatmapsAreWrappedAndTheirCellsLinkToTheCaseList()
    {
        SignIn(Roles.Inspector, 1);

        var page = Render<DashboardPage>();

        var roleLinks = page.FindAll("[data-testid='heatmap-role'] table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/cases?risk=high&role=victim", roleLinks);
        Assert.Contains("/cases?risk=notassessed&role=victim", roleLinks);
        var areaLinks = page.FindAll("[data-testid='heatmap-area'] table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/cases?area=NORTH&risk=high", areaLinks);
    }

    [Fact]
    public void HeatmapCellsAreColouredByRiskLevelWithStrengthByCountAndHaveALegend()
    {
        SignIn(Roles.Inspector, 1);
        _queries.RoleCounts = new() { [RiskLevel.Low] = 76, [RiskLevel.Medium] = 10, [RiskLevel.High] = 1, [RiskLevel.NotAssessed] = 0 };

        var page = Render<DashboardPage>();

        var low = Background(page, "low");
        var high = Background(page, "high");
        var medium = Background(page, "medium");
        Assert.True(low.G > low.R && low.G > low.B, $"a low cell must be green, was {low}");
        Assert.True(high.R > high.G && high.R > high.B, $"a high cell must be red, was {high}");
        Assert.True(medium.R > medium.B && medium.G > medium.B, $"a medium cell must be amber, was {medium}");
        Assert.True(low.R + low.G + low.B < high.R + high.G + high.B, "76 low cases must be stronger (darker) than 1 high case");
        var legend = page.Find("[data-testid='heatmap-role'] [data-testid='heatmap-legend']");
        Assert.Equal(["low", "medium", "high", "notassessed"],
            legend.QuerySelectorAll("[data-level]").Select(e => e.GetAttribute("data-level")!).ToArray());
    }

    [Fact]
    public void AnAreaDashboardSaysOnceThatHistoryIsForceWide()
    {
        SignIn(Roles.Inspector, 1);
        _queries.AreaTrendGaps = true;

        var page = Render<DashboardPage>();

        Assert.Single(page.FindAll("[data-testid='trend-note']"));
        Assert.DoesNotContain("force-wide", string.Join(" ", page.FindAll(".counter-card").Select(c => c.TextContent)));
    }

    [Fact]
    public void TheAreaHeatmapShowsOnlyWhenThereIsMoreThanOneArea()
    {
        SignIn(Roles.Inspector, 1);
        _queries.AreaCodes = ["NORTH"];

        var page = Render<DashboardPage>();

        Assert.Single(page.FindAll("[data-testid='heatmap-role']"));
        Assert.Empty(page.FindAll("[data-testid='heatmap-area']"));
    }

    private static (int R, int G, int B) Background(IRenderedComponent<DashboardPage> page, string level)
    {
        var style = page.Find($"[data-testid='heatmap-role'] tr[data-row='victim'] td[data-level='{level}']").GetAttribute("style") ?? "";
        var hex = System.Text.RegularExpressions.Regex.Match(style, "background-color:#([0-9a-f]{6})").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(hex), $"the {level} cell has no background colour: '{style}'");
        return (Convert.ToInt32(hex[..2], 16), Convert.ToInt32(hex[2..4], 16), Convert.ToInt32(hex[4..], 16));
    }

    [Fact]
    public void AnAreaUserHasNoAreaPickerAndSeesOnlyTheirArea()
    {
        SignIn(Roles.Inspector, 1);

        var page = Render<DashboardPage>();

        Assert.Empty(page.FindAll("[data-testid='area-picker']"));
        Assert.Equal([1], _queries.LoadedAreas);
    }

    [Fact]
    public void AForceWideUserGetsTheAreaPickerAndStartsWithAllAreas()
    {
        SignIn(Roles.Compliance, null);

        var page = Render<DashboardPage>();

        Assert.Single(page.FindAll("[data-testid='area-picker']"));
        Assert.Equal([null], _queries.LoadedAreas);
    }

    [Fact]
    public void RefreshLoadsTheDataAgain()
    {
        SignIn(Roles.Sergeant, 1);
        var page = Render<DashboardPage>();
        _queries.MissingAssessments = 3;

        page.Find("[data-testid='dashboard-refresh']").Click();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid='counter-missingAssessments']").TextContent));
        Assert.Equal(2, _queries.LoadedAreas.Count);
    }

    [Fact]
    public async Task TheReloadHookForALiveNotifierReloadsTheData()
    {
        SignIn(Roles.Inspector, 1);
        var page = Render<DashboardPage>();
        _queries.MissingAssessments = 11;

        await page.InvokeAsync(page.Instance.ReloadAsync);

        page.WaitForAssertion(() => Assert.Equal("11", page.Find("[data-testid='counter-missingAssessments']").TextContent));
    }

    [Fact]
    public async Task ALiveCounterAnnouncesAChangePolitelyAndStaysQuietWhenAPushLeavesItAsItWas()
    {
        SignIn(Roles.Inspector, 1);
        var page = Render<DashboardPage>();
        var announce = page.Find("[data-testid='announce-missingAssessments']");
        Assert.Equal("polite", announce.GetAttribute("aria-live"));
        Assert.Equal("", announce.TextContent);

        // A push with the same numbers leaves the live region untouched: nothing for a screen reader to say.
        await page.InvokeAsync(page.Instance.ReloadAsync);
        Assert.Equal("", page.Find("[data-testid='announce-missingAssessments']").TextContent);

        _queries.MissingAssessments = 11;
        await page.InvokeAsync(page.Instance.ReloadAsync);
        page.WaitForAssertion(() => Assert.Equal("Cases missing a risk assessment: now 11, was 7",
            page.Find("[data-testid='announce-missingAssessments']").TextContent));
        Assert.Equal("", page.Find("[data-testid='announce-openCases']").TextContent);
        var before = page.Find("[data-testid='announce-missingAssessments']").OuterHtml;

        await page.InvokeAsync(page.Instance.ReloadAsync);
        Assert.Equal(before, page.Find("[data-testid='announce-missingAssessments']").OuterHtml);
    }

    [Fact]
    public void AStaffUserWithoutAnAreaIsToldWhy()
    {
        SignIn(Roles.Officer, null);

        var page = Render<DashboardPage>();

        Assert.Contains("no neighbourhood area", page.Find("[data-testid='dashboard-message']").TextContent);
        Assert.Empty(_queries.LoadedAreas);
    }
}
