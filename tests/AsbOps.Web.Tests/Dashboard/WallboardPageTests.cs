using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Dashboard;

/// <summary>The wallboard pages its case list to the screen by itself, shows the screening queue and a high-risk banner for a minute.</summary>
public sealed class WallboardPageTests : LivePageTestBase
{
    private readonly FakeDashboardQueries _queries = new();

    public WallboardPageTests()
        : base(new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero)))
    {
        Services.AddSingleton<IOpsDashboardQueries>(_queries);
        _queries.HighRisk = Enumerable.Range(1, 12)
            .Select(i => new HighRiskCaseRow($"ASB-2026-{i:000000}", "NORTH", RiskLevel.High, DateTime.UtcNow.AddHours(-i), i % 2 == 0, true, i == 1))
            .ToList();
    }

    private static List<string> ShownCases(IRenderedComponent<WallboardPage> wall) =>
        wall.FindAll("[data-testid='wallboard-case'] td:first-child").Select(td => td.TextContent).ToList();

    [Fact]
    public void ACaseListLongerThanTheScreenTurnsItsPagesByItself()
    {
        JSInterop.Setup<int>("asbops.rowsThatFit", "wallboard-high-risk").SetResult(5);
        SignIn(Roles.Inspector, 1);

        var wall = Render<WallboardPage>();

        wall.WaitForAssertion(() => Assert.Equal("Page 1 of 3", wall.Find("[data-testid='wallboard-page']").TextContent));
        Assert.Equal(["ASB-2026-000001", "ASB-2026-000002", "ASB-2026-000003", "ASB-2026-000004", "ASB-2026-000005"], ShownCases(wall));
        Assert.Equal("true", wall.Find("[data-testid='wallboard-case']").GetAttribute("data-overdue"));

        Clock.Advance(WallboardPage.PageEvery);

        wall.WaitForAssertion(() => Assert.Equal("Page 2 of 3", wall.Find("[data-testid='wallboard-page']").TextContent));
        Assert.Equal("ASB-2026-000006", ShownCases(wall)[0]);
    }

    [Fact]
    public void TheScreeningQueueStandsBesideTheCases()
    {
        SignIn(Roles.Inspector, 1);

        var wall = Render<WallboardPage>();

        var queue = wall.Find("[data-testid='wallboard-screening']");
        Assert.Contains("LP-1", queue.TextContent);
    }

    [Fact]
    public void ACaseBecomingHighRiskShowsABannerForAMinute()
    {
        SignIn(Roles.Sergeant, 1);
        var wall = Render<WallboardPage>();
        Assert.Empty(wall.FindAll("[data-testid='wallboard-banner']"));

        Notifier.Publish(new OpsChange(OpsChangeKind.HighRiskRaised, "NORTH", "ASB-2026-000777", Clock.GetUtcNow().UtcDateTime));

        wall.WaitForAssertion(() => Assert.Contains("ASB-2026-000777", wall.Find("[data-testid='wallboard-banner']").TextContent));
        Clock.Advance(WallboardPage.BannerFor - TimeSpan.FromSeconds(1));
        Assert.Single(wall.FindAll("[data-testid='wallboard-banner']"));
        Clock.Advance(TimeSpan.FromSeconds(1));
        wall.WaitForAssertion(() => Assert.Empty(wall.FindAll("[data-testid='wallboard-banner']")));
    }

    [Fact]
    public void ABannerForAnotherAreaIsNotShown()
    {
        SignIn(Roles.Sergeant, 1);
        var wall = Render<WallboardPage>();

        Notifier.Publish(new OpsChange(OpsChangeKind.HighRiskRaised, "SOUTH", "ASB-2026-000888", Clock.GetUtcNow().UtcDateTime));
        Notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, "NORTH", "ASB-2026-000001"));

        wall.WaitForAssertion(() => Assert.NotEmpty(wall.FindAll("[data-testid='counter-highRiskCases']")));
        Assert.Empty(wall.FindAll("[data-testid='wallboard-banner']"));
    }
}
