using System.Net;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Compliance;

namespace AsbOps.Web.Tests.Dashboard;

/// <summary>The pages served by the real app (prerendered) to signed-in users of the hand-built fixture.</summary>
public sealed class OpsPagesTests(ComplianceFixture fixture) : IClassFixture<ComplianceFixture>
{
    [Fact]
    public async Task AnInspectorSeesTheirAreasCountersOnTheDashboard()
    {
        await fixture.AddUserAsync("inspector-pages@test.local", Roles.Inspector, fixture.AreaB);
        using var client = await fixture.CreateSignedInClientAsync("inspector-pages@test.local");

        var html = await client.GetStringAsync("/");

        Assert.Contains("data-testid=\"counter-missingAssessments\">1<", html);
        Assert.Contains("data-testid=\"heatmap-role\"", html);
        Assert.DoesNotContain("data-testid=\"heatmap-area\"", html); // one area: no area comparison to show
        Assert.DoesNotContain("data-testid=\"area-picker\"", html);
    }

    [Fact]
    public async Task TheWallboardNamesAnUnknownAreaCode()
    {
        await fixture.AddUserAsync("compliance-wall@test.local", Roles.Compliance);
        using var client = await fixture.CreateSignedInClientAsync("compliance-wall@test.local");

        var html = await client.GetStringAsync("/wallboard?area=NOWHERE");

        Assert.Contains("There is no area with the code", html);
    }

    [Fact]
    public async Task TheWallboardShowsTheAreasCountersAndHighRiskCases()
    {
        await fixture.AddUserAsync("sergeant-wall@test.local", Roles.Sergeant, fixture.AreaA);
        using var client = await fixture.CreateSignedInClientAsync("sergeant-wall@test.local");

        var html = await client.GetStringAsync("/wallboard?area=CMPA");

        Assert.Contains("data-testid=\"counter-highRiskCases\">3<", html);
        Assert.Contains("ASB-2026-000006", html);
    }

    [Fact]
    public async Task TheComplianceAndMetricsPagesRenderForTheirRoles()
    {
        await fixture.AddUserAsync("analyst-pages@test.local", Roles.Analyst);
        await fixture.AddUserAsync("compliance-pages@test.local", Roles.Compliance);
        using var analyst = await fixture.CreateSignedInClientAsync("analyst-pages@test.local");
        using var compliance = await fixture.CreateSignedInClientAsync("compliance-pages@test.local");

        var metrics = await analyst.GetAsync("/metrics");
        var compliancePage = await compliance.GetStringAsync("/compliance");

        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        var metricsPage = await metrics.Content.ReadAsStringAsync();
        Assert.Contains("Risk guidance metrics", metricsPage);
        Assert.Contains("data-testid=\"metrics-time-to-first\"", metricsPage);
        Assert.Contains("data-testid=\"metrics-reminders\"", metricsPage);
        Assert.Contains("data-testid=\"compliance-counts\"", compliancePage);
        Assert.Contains("/cases/ASB-2026-000001", compliancePage);
    }
}
