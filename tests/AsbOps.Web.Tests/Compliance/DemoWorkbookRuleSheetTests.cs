using AsbOps.Domain.Compliance;
using AsbOps.Web.Tests.Data;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>The streamed rule sheets of the SQLite demo force's workbooks, this week's and last week's.</summary>
[Collection(DemoForceCollection.Name)]
public sealed class DemoWorkbookRuleSheetTests(SeededDemoForce force)
{
    private static readonly ComplianceWeek ThisWeek = ComplianceWeek.Of(DemoForceAppFactory.Today.UtcDateTime);

    [Fact]
    public Task EveryRuleSheetOfThisWeeksWorkbookHoldsEveryFindingOfItsSnapshot() =>
        WorkbookRuleSheetCheck.EveryRuleSheetHoldsEveryFindingAsync(force.App, ThisWeek);

    [Fact]
    public Task EveryRuleSheetOfLastWeeksWorkbookHoldsEveryFindingOfItsWeeklyCheck() =>
        WorkbookRuleSheetCheck.EveryRuleSheetHoldsEveryFindingAsync(force.App, ThisWeek.Previous);

    [Fact]
    public Task ReadingTheFindingsInSmallChunksGivesTheSameRows() =>
        WorkbookRuleSheetCheck.ChunkedReadingGivesTheSameRowsAsync(force.App, ThisWeek);
}
