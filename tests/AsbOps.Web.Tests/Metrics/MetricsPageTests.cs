using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Features.Metrics;
using AsbOps.Web.Tests.Dashboard;
using AsbOps.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AsbOps.Web.Tests.Metrics;

/// <summary>The metrics page over <see cref="FakeMetricsQueries"/>: tables and charts, the filter, the empty state.</summary>
public sealed class MetricsPageTests : BunitTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private static readonly DateTime At = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeMetricsQueries _metrics = new();
    private readonly FakeMetricsTrendQueries _trends = new();

    public MetricsPageTests()
    {
        Services.AddSingleton<IMetricsQueries>(_metrics);
        Services.AddSingleton<IMetricsTrendQueries>(_trends);
    }

    private static GuidanceMetrics Fixture(string role = "Victim") => new(
        [new LevelsByRoleRow(role, 0, 0, 1), new LevelsByRoleRow("Perpetrator", 0, 1, 0)],
        [new UnknownShareRow(AssessmentKind.Victim, "vulnerable", "Is the victim vulnerable?", 2, 1)],
        new OverrideSummary(1, 0, [new OverrideRow("ASB-2026-000201", AssessmentKind.Perpetrator, RiskLevel.Low, RiskLevel.Medium,
            "Escalating fast", OverrideApproval.NotRequired, At)]),
        [new SnapshotPoint(At, 14, null, null, null, null), new SnapshotPoint(At.AddDays(7), 11, null, null, null, null)],
        new TimeToFirstAssessment(3, 5.5, 9, 1),
        new RemindersPerAssessment(2, 1.5, 2, 1));

    private IRenderedComponent<MetricsPage> RenderPage()
    {
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MetricsPage>(1);
            builder.CloseComponent();
        });
        return host.FindComponent<MetricsPage>();
    }

    private static string[] Rows(IRenderedComponent<MetricsPage> page, string section) =>
        page.FindAll($"[data-testid={section}] tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToArray();

    [Fact]
    public void TheOverridesTableIsPagedAndSaysApprovalInWords()
    {
        var many = Enumerable.Range(1, 12).Select(i => new OverrideRow($"ASB-2026-{i:000000}", AssessmentKind.Victim, RiskLevel.Low,
            RiskLevel.Medium, new string('x', 2000), OverrideApproval.NotRequired, At)).ToList();
        _metrics.Result = Fixture() with { Overrides = new OverrideSummary(12, 0, many) };

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(5, Rows(page, "metrics-overrides").Length), Patience);
        Assert.Equal("Not required", page.Find("[data-testid=override-approval]").TextContent.Trim());
        Assert.Single(page.FindAll("[data-testid=metrics-overrides] .mud-table-pagination"));
    }

    [Fact]
    public void TheTablesAndChartsShowWhatTheServiceComputedForTheFilter()
    {
        _metrics.Result = Fixture();

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Equal(["Victim|0|0|1|1", "Perpetrator|0|1|0|1"], Rows(page, "metrics-levels")), Patience);
        Assert.StartsWith("Victim|Is the victim vulnerable?|2|1|", Rows(page, "metrics-unknown").Single());
        Assert.Equal(("1", "0"), (page.Find("[data-testid=overrides-up]").TextContent, page.Find("[data-testid=overrides-down]").TextContent));
        Assert.Contains("Escalating fast", Rows(page, "metrics-overrides").Single());
        Assert.Equal(["Cases with a complete assessment|3", "Median|5.5 h", "90th percentile|9 h", "Cases with no complete assessment yet|1"],
            Rows(page, "metrics-time-to-first"));
        Assert.Contains("Average reminders|1.5", Rows(page, "metrics-reminders"));
        Assert.Equal(3 + page.FindComponents<TrendBlock>().Count(b => b.Instance.Section.Columns.Count > 0),
            page.FindComponents<MudChart<double>>().Count);
        Assert.Equal([new MetricsFilter()], _metrics.Filters);
        Assert.Equal(MetricsEndpoints.WorkbookUrl(new MetricsFilter()), page.FindComponent<DownloadButton>().Instance.Url);
    }

    [Fact]
    public async Task ChoosingAVersionAreaAndPeriodThenApplyingReloadsWithThatFilterAndTheDownloadFollows()
    {
        _metrics.Result = Fixture();
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.Single(_metrics.Filters), Patience);
        _metrics.Result = Fixture(role: "Witness");

        var selects = page.FindComponents<MudSelect<int?>>();
        var dates = page.FindComponents<MudDatePicker>();
        await page.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync(5));
        await page.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(2));
        await page.InvokeAsync(() => dates[0].Instance.DateChanged.InvokeAsync(new DateTime(2026, 3, 1)));
        await page.InvokeAsync(() => dates[1].Instance.DateChanged.InvokeAsync(new DateTime(2026, 3, 10)));
        Assert.Single(_metrics.Filters);
        page.Find("button[data-testid=metrics-apply]").Click();

        var expected = new MetricsFilter(5, 2, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10));
        page.WaitForAssertion(() => Assert.Equal(expected, _metrics.Filters[^1]), Patience);
        page.WaitForAssertion(() => Assert.Equal("Witness|0|0|1|1", Rows(page, "metrics-levels")[0]), Patience);
        Assert.Equal(MetricsEndpoints.WorkbookUrl(expected), page.FindComponent<DownloadButton>().Instance.Url);
        Assert.Equal("/metrics/workbook?version=5&area=2&from=2026-03-01&to=2026-03-10", MetricsEndpoints.WorkbookUrl(expected));
    }

    [Fact]
    public void WithNothingToCountEachSectionSaysWhatWouldFillIt()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("No complete assessment matches the filter.", page.Find("[data-testid=metrics-levels]").TextContent), Patience);
        Assert.Contains("No question allowing \"unknown\" was answered", page.Find("[data-testid=metrics-unknown]").TextContent);
        Assert.Contains("No override in this selection.", page.Find("[data-testid=metrics-overrides]").TextContent);
        Assert.Contains("No weekly compliance check falls in this period.", page.Find("[data-testid=metrics-history]").TextContent);
        Assert.Equal(page.FindComponents<TrendBlock>().Count(b => b.Instance.Section.Columns.Count > 0),
            page.FindComponents<MudChart<double>>().Count);
        Assert.Equal("–", Rows(page, "metrics-time-to-first")[1].Split('|')[1]);
    }
}
