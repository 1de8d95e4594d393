using AsbOps.Domain.Compliance;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>The compliance page follows <see cref="OpsNotifier"/> as the dashboard does: its area only, once a minute, until disposed.</summary>
public sealed class CompliancePageLiveTests : LivePageTestBase
{
    private readonly FakeComplianceQueries _queries = new();

    public CompliancePageLiveTests()
        : base(new FakeTimeProvider(new DateTimeOffset(2026, 3, 18, 10, 0, 0, TimeSpan.Zero)))
    {
        Services.AddSingleton<IComplianceQueries>(_queries);
        SignIn(Roles.Inspector, 1, "inspector@test.local");
    }

    private static string Headline(IRenderedComponent<CompliancePage> page) =>
        page.Find("[data-testid='counter-missingAssessments']").TextContent;

    [Fact]
    public void TheSinceLastCheckPanelShowsNewCarriedAndPutRightPerAreaAndOfficer()
    {
        var page = Render<CompliancePage>();

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid='since-new']").TextContent));
        Assert.Equal("5", page.Find("[data-testid='since-carried']").TextContent);
        Assert.Equal("3", page.Find("[data-testid='since-put-right']").TextContent);
        Assert.Contains("the longest for 4 weeks", page.Find("[data-testid='since-last-check']").TextContent);
        Assert.Equal(["NORTH", "2", "5", "4", "3"], page.FindAll("[data-testid='since-by-area'] tbody tr td").Select(td => td.TextContent));
        Assert.Equal(["PC One", "No lead officer"], page.FindAll("[data-testid='since-by-officer'] tbody tr td:first-child").Select(td => td.TextContent));
    }

    [Fact]
    public void ANewFindingInTheAreaShowsOnThePageWithoutAReload()
    {
        var page = Render<CompliancePage>();
        page.WaitForAssertion(() => Assert.Equal("1", Headline(page)));

        _queries.Add("ASB-2026-000002");
        Notifier.Publish(new OpsChange(OpsChangeKind.AssessmentSaved, "NORTH", "ASB-2026-000002"));

        page.WaitForAssertion(() => Assert.Equal("2", Headline(page)));
        Assert.Contains("ASB-2026-000002", page.FindAll("[data-testid='finding-case']").Select(a => a.TextContent));
    }

    [Fact]
    public void ChangesInAnotherAreaDoNotReloadTheAreasPage()
    {
        var page = Render<CompliancePage>();
        page.WaitForAssertion(() => Assert.Equal("1", Headline(page)));
        var loads = _queries.CountLoads;

        _queries.Add("ASB-2026-000003");
        Notifier.Publish(new OpsChange(OpsChangeKind.AssessmentSaved, "SOUTH", "ASB-2026-000009"));
        Clock.Advance(CompliancePage.LiveReloadInterval * 2);
        Notifier.Publish(new OpsChange(OpsChangeKind.IncidentReceived, "NORTH"));

        // Only the NORTH change reloads (past the throttle's window, so a reload for SOUTH would have been a second).
        page.WaitForAssertion(() => Assert.Equal("2", Headline(page)));
        Assert.Equal(loads + 1, _queries.CountLoads);
    }

    [Fact]
    public void AMinuteWithoutAChangeReloadsForWhatTheClockChanged()
    {
        var page = Render<CompliancePage>();
        page.WaitForAssertion(() => Assert.Equal("1", Headline(page)));

        _queries.Add("ASB-2026-000004");
        Clock.Advance(LiveReload.FallbackEvery);

        page.WaitForAssertion(() => Assert.Equal("2", Headline(page)));
    }

    [Fact]
    public void LeavingThePageEndsItsSubscription()
    {
        var before = Notifier.SubscriberCount;
        var page = Render<CompliancePage>();
        Assert.Equal(before + 1, Notifier.SubscriberCount);

        page.Instance.Dispose();

        Assert.Equal(before, Notifier.SubscriberCount);
    }

    /// <summary>One area's findings for rule 1, from memory; counts follow the list.</summary>
    private sealed class FakeComplianceQueries : IComplianceQueries
    {
        private readonly List<string> _refs = ["ASB-2026-000001"];

        public int CountLoads { get; private set; }

        public void Add(string caseRef)
        {
            lock (_refs)
            {
                _refs.Add(caseRef);
            }
        }

        public Task<ComplianceCounts> CountAsync(int? areaId, CancellationToken cancellationToken = default)
        {
            CountLoads++;
            int n;
            lock (_refs)
            {
                n = _refs.Count;
            }

            var byRule = ComplianceRuleText.All.ToDictionary(r => r, r => r == ComplianceRule.VictimWithoutAssessment ? n : 0);
            var area = new AreaComplianceCounts(1, "NORTH", "North", 10, 1, n, 0, 0, byRule);
            return Task.FromResult(new ComplianceCounts(new DateTime(2026, 3, 18, 10, 0, 0, DateTimeKind.Utc), [area], area));
        }

        public Task<IReadOnlyList<ComplianceFindingRow>> FindingsAsync(ComplianceRule rule, int? areaId, int cap, CancellationToken cancellationToken = default)
        {
            lock (_refs)
            {
                IReadOnlyList<ComplianceFindingRow> rows = rule == ComplianceRule.VictimWithoutAssessment
                    ? _refs.Select((r, i) => new ComplianceFindingRow(rule, i + 1, r, "NORTH", "PC One", new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc), 8,
                        ComplianceRuleText.Missing(rule))).ToList()
                    : [];
                return Task.FromResult(rows);
            }
        }

        public Task<ForceFigure> ForceFigureAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ForceFigure(from, to, 11.5, MissingAssessmentAverage.Weekly([new(from, 11)], from, to)));

        public Task<IReadOnlyList<SnapshotPoint>> WeeklyHistoryAsync(int? areaId, int weeks = 12, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SnapshotPoint>>([]);

        public Task<FindingMovement> SinceLastCheckAsync(int? areaId, CancellationToken cancellationToken = default)
        {
            var north = new MovementCounts("NORTH", "North", 2, 5, 3, 4);
            var officers = new List<MovementCounts> { new("pc1", "PC One", 2, 4, 1, 4), new("", "No lead officer", 0, 1, 2, 1) };
            return Task.FromResult(new FindingMovement(new DateTime(2026, 3, 18, 10, 0, 0, DateTimeKind.Utc),
                new DateTime(2026, 3, 16, 7, 0, 0, DateTimeKind.Utc), north with { Key = "ALL", Name = "All areas" }, [north], officers,
                new Dictionary<ComplianceRule, MovementCounts>(), []));
        }
    }
}
