using AsbOps.Web.Data;
using AsbOps.Web.Tests.Data;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresStormRefKeyMigrationTests : IDisposable
{
    private readonly string _database = PostgresTestServer.NewDatabaseName();

    [Fact]
    public async Task MigratingADatabaseWithReferencesThatDifferOnlyByCaseKeepsEveryIncidentAndMakesTheKeysUnique()
    {
        await using var db = new PostgresAsbOpsDbContext(new DbContextOptionsBuilder<PostgresAsbOpsDbContext>()
            .UseNpgsql(PostgresTestServer.ConnectionString(_database)).Options);

        await StormRefKeyMigration.MigrateCollidingRowsAsync(db);
    }

    public void Dispose() => PostgresTestServer.Drop(_database);
}
