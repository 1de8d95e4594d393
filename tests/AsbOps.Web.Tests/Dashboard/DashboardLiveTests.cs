using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Dashboard;

/// <summary>
/// The dashboard and wallboard follow <see cref="OpsNotifier"/>: throttled on a fake clock, scoped to their area, once a
/// minute without a change, unsubscribed on dispose.
/// </summary>
public sealed class DashboardLiveTests : LivePageTestBase
{
    private readonly FakeDashboardQueries _queries = new();

    public DashboardLiveTests()
        : base(new FakeTimeProvider()) => Services.AddSingleton<IOpsDashboardQueries>(_queries);

    private static string Counter(IRenderedComponent<DashboardPage> page, string key) =>
        page.Find($"[data-testid='counter-{key}']").TextContent;

    [Fact]
    public void TheDashboardShowsNewNumbersWhenTheNotifierFiresForItsArea()
    {
        SignIn(Roles.Inspector, 1);
        var page = Render<DashboardPage>();
        _queries.MissingAssessments = 12;

        Notifier.Publish(new OpsChange(OpsChangeKind.AssessmentSaved, "NORTH", "ASB-2026-000001"));

        page.WaitForAssertion(() => Assert.Equal("12", Counter(page, "missingAssessments")));
    }

    [Fact]
    public void AnAreaDashboardIgnoresChangesInOtherAreas()
    {
        SignIn(Roles.Inspector, 1);
        var page = Render<DashboardPage>();
        _queries.MissingAssessments = 12;

        Notifier.Publish(new OpsChange(OpsChangeKind.AssessmentSaved, "SOUTH", "ASB-2026-000002"));
        Notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, "NORTH"));

        page.WaitForAssertion(() => Assert.Equal("12", Counter(page, "missingAssessments")));
        Assert.Equal(2, _queries.LoadedAreas.Count);
    }

    [Fact]
    public void ABurstOfAHundredChangesIsCoalescedIntoOneLeadingAndOneTrailingReload()
    {
        SignIn(Roles.Sergeant, 1);
        var page = Render<DashboardPage>();
        Notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, "NORTH"));
        page.WaitForAssertion(() => Assert.Equal(2, _queries.LoadedAreas.Count));

        _queries.MissingAssessments = 13;
        for (var i = 0; i < 99; i++)
        {
            Notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, "NORTH"));
        }

        // Inside the throttle window nothing reloads; the trailing reload comes when the window has passed.
        Assert.Equal(2, _queries.LoadedAreas.Count);
        Assert.Equal("7", Counter(page, "missingAssessments"));
        Clock.Advance(DashboardPage.LiveReloadInterval);
        page.WaitForAssertion(() => Assert.Equal("13", Counter(page, "missingAssessments")));
        Assert.Equal(3, _queries.LoadedAreas.Count);
    }

    [Fact]
    public void TheDashboardAndTheWallboardReloadOnceAMinuteWhenNoChangeIsHeard()
    {
        SignIn(Roles.Inspector, 1);
        var page = Render<DashboardPage>();
        var wall = Render<WallboardPage>();
        _queries.MissingAssessments = 14;

        // Short of the minute nothing reloads: no change was published (a review falling due with the clock, say).
        Clock.Advance(LiveReload.FallbackEvery - TimeSpan.FromSeconds(1));
        Assert.Equal("7", Counter(page, "missingAssessments"));

        Clock.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Equal("14", Counter(page, "missingAssessments")));
        wall.WaitForAssertion(() => Assert.Equal("14", wall.Find("[data-testid='counter-missingAssessments']").TextContent));
    }

    [Fact]
    public async Task TheDashboardEndsItsSubscriptionWhenDisposed()
    {
        SignIn(Roles.Inspector, 1);
        var before = Notifier.SubscriberCount;
        Render<DashboardPage>();
        Assert.Equal(before + 1, Notifier.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(before, Notifier.SubscriberCount);
    }

    [Fact]
    public async Task AThousandOpenAndCloseCyclesLeaveNoSubscriberBehind()
    {
        SignIn(Roles.Inspector, 1);
        var before = Notifier.SubscriberCount;

        for (var i = 0; i < 1_000; i++)
        {
            Render<DashboardPage>();
            Notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, "NORTH"));
            await DisposeComponentsAsync();
        }

        Assert.Equal(before, Notifier.SubscriberCount);
    }

    [Fact]
    public void TheWallboardShowsNewNumbersWhenTheNotifierFires()
    {
        SignIn(Roles.Sergeant, 1);
        var wall = Render<WallboardPage>();
        _queries.MissingAssessments = 21;

        Notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, "NORTH", "ASB-2026-000001"));

        wall.WaitForAssertion(() => Assert.Equal("21", wall.Find("[data-testid='counter-missingAssessments']").TextContent));
    }

    [Fact]
    public async Task TheWallboardEndsItsSubscriptionWhenDisposed()
    {
        SignIn(Roles.Sergeant, 1);
        var before = Notifier.SubscriberCount;
        Render<WallboardPage>();

        await DisposeComponentsAsync();

        Assert.Equal(before, Notifier.SubscriberCount);
    }
}
