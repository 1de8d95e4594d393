using AsbOps.Domain.Compliance;
using AsbOps.Web.Tests.Compliance;
using AsbOps.Web.Tests.Data;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>The streamed rule sheets of the weekly workbook on the demo force loaded into PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWorkbookRuleSheetTests(PostgresDemoForceAppFactory app) : IClassFixture<PostgresDemoForceAppFactory>
{
    private static readonly ComplianceWeek ThisWeek = ComplianceWeek.Of(DemoForceAppFactory.Today.UtcDateTime);

    [Fact]
    public Task EveryRuleSheetOfThisWeeksWorkbookHoldsEveryFindingOfItsSnapshot() =>
        WorkbookRuleSheetCheck.EveryRuleSheetHoldsEveryFindingAsync(app, ThisWeek);

    [Fact]
    public Task ReadingTheFindingsInSmallChunksGivesTheSameRows() =>
        WorkbookRuleSheetCheck.ChunkedReadingGivesTheSameRowsAsync(app, ThisWeek);
}
