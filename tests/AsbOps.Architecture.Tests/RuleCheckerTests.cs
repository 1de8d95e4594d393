namespace AsbOps.Architecture.Tests;

/// <summary>The rules can fail: each checker reports a dependency that breaks its rule and passes one that keeps it.</summary>
public sealed class RuleCheckerTests
{
    [Fact]
    public void ADomainTypeUsingEfCoreIsReported()
    {
        var found = DependencyRuleTests.DomainViolations(
        [
            ("AsbOps.Domain.Cases.AsbCase", "Microsoft.EntityFrameworkCore.DbContext"),
            ("AsbOps.Domain.Cases.AsbCase", "System.Linq.Expressions.Expression"),
        ]);

        Assert.Equal(["AsbOps.Domain.Cases.AsbCase -> Microsoft.EntityFrameworkCore.DbContext"], found);
    }

    [Fact]
    public void ADataTypeUsingASliceIsReported()
    {
        var found = DependencyRuleTests.HostViolations(
        [
            ("AsbOps.Web.Data.CaseStandingRefresh", "AsbOps.Web.Features.Compliance.CaseRulePredicates"),
            ("AsbOps.Web.Features.Compliance.CaseRulePredicates", "AsbOps.Web.Data.AsbOpsDbContext"),
        ]);

        Assert.Equal(["AsbOps.Web.Data.CaseStandingRefresh -> AsbOps.Web.Features.Compliance.CaseRulePredicates"], found);
    }

    [Fact]
    public void ASliceUsingAnotherSlicesInternalIsReportedButANamedEntryPointIsNot()
    {
        var found = DependencyRuleTests.SliceViolations(
        [
            ("AsbOps.Web.Features.Metrics.MetricsPage", "AsbOps.Web.Features.Dashboard.IOpsDashboardQueries"),
            ("AsbOps.Web.Features.Dashboard.OpsDashboardQueries", "AsbOps.Web.Features.Compliance.CaseRulePredicates"),
            ("AsbOps.Web.Features.Cases.Export.CaseExport", "AsbOps.Web.Features.Cases.CaseListQuery"),
        ]);

        Assert.Equal(["AsbOps.Web.Features.Metrics.MetricsPage -> AsbOps.Web.Features.Dashboard.IOpsDashboardQueries"], found);
    }

    [Fact]
    public void TwoSlicesUsingEachOtherAreFoundAsAPair()
    {
        var edges = DependencyRuleTests.SliceEdges(
        [
            ("AsbOps.Web.Features.Cases.CaseHeaderSection", "AsbOps.Web.Features.ActionPlans.CaseManageButtons"),
            ("AsbOps.Web.Features.ActionPlans.ActionPlanPage", "AsbOps.Web.Features.Cases.CaseNotFound"),
        ]);

        Assert.Contains(("Cases", "ActionPlans"), edges);
        Assert.Contains(("ActionPlans", "Cases"), edges);
    }

    [Theory]
    [InlineData("AsbOps.Web.Features.Cases.Export.CaseExport", "Cases")]
    [InlineData("AsbOps.Web.Features.Dashboard.Feed.OpsHub+<JoinAsync>d__1", "Dashboard")]
    [InlineData("AsbOps.Web.Features.Cases", null)]
    [InlineData("AsbOps.Web.Data.AsbOpsDbContext", null)]
    public void ATypeBelongsToTheSliceNamedAfterFeatures(string type, string? slice) => Assert.Equal(slice, TheHouse.SliceOf(type));

    [Fact]
    public void TheLoadedAssembliesHoldTheAppsTypes()
    {
        var names = TheHouse.Architecture.Types.Select(t => t.FullName).ToHashSet();

        Assert.Contains("AsbOps.Web.Data.AsbOpsDbContext", names);
        Assert.Contains("AsbOps.Domain.Cases.CaseStanding", names);
        Assert.Contains("AsbOps.Web.Features.Cases.CasePage", names);
    }
}
