using AsbOps.Web.Tests.CaseRecord;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>The case record's provider-sensitive queries on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseRecordTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public Task NoteSearchIgnoresCaseAndFindsLiteralPercentOnPostgres() => CaseNoteServiceTests.SearchFindsNotesAsync(app, "PGNOTE");

    [Fact]
    public Task TheOverdueContactCounterCountsOpenCasesOnlyOnPostgres() => VictimContactServiceTests.OverdueCounterCountsOpenCasesOnlyAsync(app, "PGVC");
}
