using System.Text.Json;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Tests.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Dashboard;

public sealed class OpsDashboardQueriesTests(ComplianceFixture fixture) : IClassFixture<ComplianceFixture>
{
    private OpsDashboardQueries CreateQueries()
    {
        var dbFactory = fixture.Services.GetRequiredService<IDbContextFactory<Web.Data.AsbOpsDbContext>>();
        var options = Options.Create(new ComplianceOptions());
        return new OpsDashboardQueries(dbFactory, fixture.CreateQueries(), new OpenCaseTally(dbFactory, options),
            new DashboardQueueQueries(dbFactory, options), fixture.Clock);
    }

    [Fact]
    public async Task TheCountersOfAnAreaMatchTheHandCount()
    {
        var counters = await CreateQueries().CountersAsync(fixture.AreaA);

        Assert.Equal(2, counters.AwaitingScreening);
        Assert.Equal(12, counters.OpenCases);
        Assert.Equal(3, counters.HighRiskCases);
        Assert.Equal(3, counters.MissingAssessments);
        Assert.Equal(2, counters.UnknownAnswers);
        Assert.Equal(1, counters.OverdueReviews);
        Assert.Equal(["CMPA"], counters.ByArea.Keys);
    }

    [Fact]
    public async Task ForceWideCountersSumTheAreasAndKeyThemByCode()
    {
        var counters = await CreateQueries().CountersAsync(areaId: null);

        Assert.Equal(3, counters.AwaitingScreening);
        Assert.Equal(13, counters.OpenCases);
        Assert.Equal(4, counters.MissingAssessments);
        Assert.Equal(new AreaCounters(1, 1, 0, 1, 0, 0), counters.ByArea["CMPB"]);
    }

    [Fact]
    public async Task TheWaitingIncidentsCountedAloneMatchEachAreasCounters()
    {
        var queries = CreateQueries();
        var counters = await queries.CountersAsync(areaId: null);

        var waiting = await queries.AwaitingScreeningAsync([fixture.AreaA, fixture.AreaB]);
        var onlyB = await queries.AwaitingScreeningAsync([fixture.AreaB]);

        Assert.Equal(counters.ByArea["CMPA"].AwaitingScreening, waiting[fixture.AreaA]);
        Assert.Equal(counters.ByArea["CMPB"].AwaitingScreening, waiting[fixture.AreaB]);
        Assert.Equal([fixture.AreaB], onlyB.Keys);
        Assert.Equal((2, 1), (waiting[fixture.AreaA], onlyB[fixture.AreaB]));
    }

    [Fact]
    public async Task TheCountersSerialiseToTheHubPayloadShape()
    {
        var counters = await CreateQueries().CountersAsync(fixture.AreaB);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(counters, new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["at", "awaitingScreening", "openCases", "highRiskCases", "missingAssessments", "unknownAnswers", "overdueReviews", "byArea", "overdueContacts", "caseReviewsDue"], names);
        Assert.Equal(1, json.RootElement.GetProperty("byArea").GetProperty("CMPB").GetProperty("missingAssessments").GetInt32());
    }

    [Fact]
    public async Task TheRoleHeatmapCountsPeopleOnOpenCasesByRoleAndLevel()
    {
        var data = await CreateQueries().LoadAsync(fixture.AreaA);

        int Cell(string role, RiskLevel level) => data.RoleHeatmap.Rows.Single(r => r.Key == role).Cells.Single(c => c.Level == level).Count;
        Assert.Equal([2, 3, 3, 3], new[] { RiskLevel.NotAssessed, RiskLevel.Low, RiskLevel.Medium, RiskLevel.High }.Select(l => Cell("victim", l)));
        Assert.Equal([1, 0, 0, 1], new[] { RiskLevel.NotAssessed, RiskLevel.Low, RiskLevel.Medium, RiskLevel.High }.Select(l => Cell("perpetrator", l)));
        Assert.Equal(1, Cell("witness", RiskLevel.NotAssessed));
        Assert.Equal("/cases?risk=high&role=victim",
            data.RoleHeatmap.Rows.Single(r => r.Key == "victim").Cells.Single(c => c.Level == RiskLevel.High).Href);
    }

    [Fact]
    public async Task TheAreaHeatmapCountsOpenCasesByAreaAndLevelWithCaseListLinks()
    {
        var data = await CreateQueries().LoadAsync(areaId: null);

        var areaA = data.AreaHeatmap.Rows.Single(r => r.Key == "CMPA");
        Assert.Equal([3, 3, 3, 3], areaA.Cells.Select(c => c.Count));
        Assert.Equal(["low", "medium", "high", "notassessed"], areaA.Cells.Select(c => CaseDisplay.Key(c.Level)));
        Assert.Equal("/cases?area=CMPA&risk=high", areaA.Cells.Single(c => c.Level == RiskLevel.High).Href);
        Assert.Equal(1, data.AreaHeatmap.Rows.Single(r => r.Key == "CMPB").Cells.Single(c => c.Level == RiskLevel.NotAssessed).Count);
    }

    [Fact]
    public async Task TheQueuesOfAnAreaMatchTheHandCount()
    {
        var data = await CreateQueries().LoadAsync(fixture.AreaA);

        var queues = data.Queues.ToDictionary(q => q.Key);
        Assert.Equal(2, queues["awaitingScreening"].Count);
        Assert.All(queues["awaitingScreening"].Items, i => Assert.StartsWith("/incidents/", i.Href));
        Assert.Equal(["ASB-2026-000001", "ASB-2026-000002", "ASB-2026-000003", "ASB-2026-000011"],
            queues["awaitingAssessment"].Items.Select(i => i.Label).Order());
        Assert.Equal(4, queues["awaitingAssessment"].Count);
        Assert.Equal(2, queues["unknownAnswers"].Count);
        Assert.Equal(6, Assert.Single(queues["unknownAnswers"].Items).AgeDays);
        Assert.Equal(["ASB-2026-000006", "ASB-2026-000026"], queues["highRiskWithoutPlan"].Items.Select(i => i.Label));
        Assert.Equal(["ASB-2026-000007", "ASB-2026-000017"], queues["reviews"].Items.Select(i => i.Label));
        Assert.Equal([true, false], queues["reviews"].Items.Select(i => i.Alert));
        Assert.Equal("ASB-2026-000016", Assert.Single(queues["awaitingApproval"].Items).Label);
        Assert.Equal("/cases/ASB-2026-000016", queues["awaitingApproval"].Items[0].Href);
    }

    [Fact]
    public async Task TheWallboardListsTheOpenHighRiskCasesWithPlanAndMarker()
    {
        var rows = await CreateQueries().HighRiskCasesAsync(fixture.AreaA);

        Assert.Equal(
            [("ASB-2026-000006", false, true), ("ASB-2026-000016", true, true), ("ASB-2026-000026", false, true)],
            rows.Select(r => (r.CaseRef, r.HasActionPlan, r.HasActiveMarker)).OrderBy(r => r.CaseRef));
    }

    [Fact]
    public async Task TheWallboardPutsOverduePlansFirstThenTheNewest()
    {
        var rows = await CreateQueries().HighRiskCasesAsync(fixture.AreaA);

        // 000006: 100 hours without a plan (overdue); 000026: 10 hours old; 000016: 100 hours old with a plan.
        Assert.Equal(
            [("ASB-2026-000006", true), ("ASB-2026-000026", false), ("ASB-2026-000016", false)],
            rows.Select(r => (r.CaseRef, r.PlanOverdue)));
    }
}
