using System.Net;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Postgres;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task StartUpMigratesAnEmptyPostgresDatabaseWithThePostgresMigrationsAndLeavesNonePending()
    {
        await using var db = app.CreateDbContext();

        Assert.IsType<PostgresAsbOpsDbContext>(db);
        Assert.True(db.Database.IsNpgsql());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.True(await db.GuidanceVersions.AnyAsync(g => g.Number == 1));
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
    }

    [Fact]
    public async Task TheAppsConnectionsRunWithoutJitUnlessTheConnectionStringSetsItsOwnOptions()
    {
        await using var db = app.CreateDbContext();
        Assert.Equal("off", await db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync());

        var own = DataServiceCollectionExtensions.PreparePostgres("Host=127.0.0.1;Database=x;Options=-c jit=on");
        Assert.Equal("-c jit=on", new Npgsql.NpgsqlConnectionStringBuilder(own).Options);
        Assert.Equal("-c jit=off", new Npgsql.NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.PreparePostgres("Host=127.0.0.1;Database=x")).Options);
    }

    [Fact]
    public async Task ThePostgresDatabaseHoldsExactlyTheModelsTablesIndexesAndUniqueKeys()
    {
        await using var db = app.CreateDbContext();
        var entities = db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null).ToList();
        var expectedTables = entities.Select(e => e.GetTableName()!).Append("__EFMigrationsHistory").Distinct().Order(StringComparer.Ordinal);
        var expectedIndexes = entities.SelectMany(e => e.GetIndexes()).Select(i => $"{i.GetDatabaseName()} unique={i.IsUnique}")
            .Concat(entities.SelectMany(e => e.GetKeys()).Select(k => $"{k.GetName()} unique=True"))
            .Append("PK___EFMigrationsHistory unique=True")
            .Distinct().Order(StringComparer.Ordinal);

        var tables = await db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
        var indexes = await db.Database.SqlQueryRaw<string>(
            "SELECT indexname || ' unique=' || CASE WHEN indexdef LIKE 'CREATE UNIQUE%' THEN 'True' ELSE 'False' END AS \"Value\" "
            + "FROM pg_indexes WHERE schemaname = 'public'").ToListAsync();

        Assert.Equal(expectedTables, tables.Order(StringComparer.Ordinal));
        Assert.Equal(expectedIndexes, indexes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task IncidentsKeepATenthOfEachPageFreeAndOtherTablesTheDefault()
    {
        await using var db = app.CreateDbContext();
        var options = await db.Database.SqlQueryRaw<string>(
            "SELECT relname || ' ' || array_to_string(reloptions, ',') AS \"Value\" FROM pg_class "
            + "WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND reloptions IS NOT NULL").ToListAsync();

        Assert.Equal(["Incidents fillfactor=90"], options);
    }

    [Fact]
    public async Task TheParticipantsCaseIndexCarriesWhatTheContactCheckReads()
    {
        await using var db = app.CreateDbContext();
        var definition = await db.Database.SqlQueryRaw<string>(
            "SELECT pg_get_indexdef('\"IX_CaseParticipants_CaseId_Role_RiskLevel\"'::regclass) AS \"Value\"").SingleAsync();

        Assert.EndsWith("(\"CaseId\", \"Role\", \"RiskLevel\") INCLUDE (\"Id\", \"AddedAt\")", definition);
    }

    [Fact]
    public async Task ThePostgresAppIsReady()
    {
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ASecondSaveFromAStaleCopyFailsOnTheConcurrencyToken()
    {
        var area = await app.AddAreaAsync("PGSTALE");
        await using var first = app.CreateDbContext();
        await using var second = app.CreateDbContext();
        var firstCopy = await first.Areas.SingleAsync(a => a.Id == area.Id);
        var staleCopy = await second.Areas.SingleAsync(a => a.Id == area.Id);

        firstCopy.Name = "Renamed first";
        await first.SaveChangesAsync();
        staleCopy.Name = "Renamed from a stale copy";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = app.CreateDbContext();
        var stored = await check.Areas.SingleAsync(a => a.Id == area.Id);
        Assert.Equal(("Renamed first", area.Version + 1), (stored.Name, stored.Version));
    }
}
