using AsbOps.Web.Tests.Data;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>The CaseStanding migration's SQL on PostgreSQL gives what the saves store.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCaseStandingTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public Task TheMigrationsBackfillOnPostgresGivesEveryCaseAndIncidentWhatTheSavesStored() =>
        CaseStandingTests.BackfillGivesWhatTheSavesStoredAsync(app);
}
