using AsbOps.Web.Data;
using AsbOps.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>
/// A PostgreSQL bulk load drops the secondary indexes and foreign keys of the tables it fills and makes them again at
/// the end; one cut off in between leaves the statements behind, and the app's start-up puts the schema back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBulkLoadTests(PostgresAppFactory app) : IClassFixture<PostgresAppFactory>
{
    private const string Catalogue = """
        SELECT 'index ' || indexname AS "Value" FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT 'key ' || conname FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'table ' || tablename FROM pg_tables WHERE schemaname = 'public'
        """;

    [Fact]
    public async Task ALoadDropsTheIndexesAndKeysOfItsTablesOnlyAndMakesEveryOneAgain()
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>();
        var before = await CatalogueAsync();

        var load = await PostgresBulkLoad.BeginAsync(dbFactory, ["Incidents", "AssessmentAnswers"], CancellationToken.None);
        var during = await CatalogueAsync();
        await load!.EndAsync(CancellationToken.None);
        var after = await CatalogueAsync();

        var dropped = before.Except(during).Order().ToList();
        Assert.Contains("index IX_Incidents_CaseId", dropped);
        Assert.Contains("index IX_AssessmentAnswers_AssessmentId_QuestionKey", dropped);
        Assert.Contains("key FK_Incidents_Cases_CaseId", dropped);
        Assert.DoesNotContain("index PK_Incidents", dropped);
        Assert.All(dropped, d => Assert.Matches("^(index IX|key FK)_(Incidents|AssessmentAnswers)_", d));
        Assert.Equal(load.Dropped, dropped.Count);
        Assert.Equal(["table __AsbOpsBulkLoad"], during.Except(before));
        Assert.Equal(before.Order(), after.Order());
    }

    [Fact]
    public async Task ALoadCutOffBeforeItsEndIsPutRightByTheNextStartUp()
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>();
        var before = await CatalogueAsync();

        // Begun and never ended, as when the process is killed during the load.
        var load = await PostgresBulkLoad.BeginAsync(dbFactory, ["Cases", "People"], CancellationToken.None);
        Assert.True(load!.Dropped > 5);
        Assert.NotEqual(before.Order(), (await CatalogueAsync()).Order());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        }

        Assert.Equal(before.Order(), (await CatalogueAsync()).Order());
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await PostgresBulkLoad.RestorePendingAsync(db, CancellationToken.None));
    }

    [Fact]
    public void TheDemoWriterNamesEveryTableItFills()
    {
        using var db = app.CreateDbContext();
        var tables = DemoBatchWriter.Written.Select(t => db.Model.FindEntityType(t)?.GetTableName()).ToList();
        Assert.DoesNotContain(null, tables);
        Assert.Contains("AssessmentAnswers", tables);
        Assert.Contains("Incidents", tables);
    }

    private async Task<List<string>> CatalogueAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Database.SqlQueryRaw<string>(Catalogue).ToListAsync();
    }
}

/// <summary>The demo force outside Development on PostgreSQL, generated and then replaced (TRUNCATE, bulk load).</summary>
public sealed class PostgresReplaceAppFactory() : Data.DemoForceAppFactory("Testing", new DemoOptions().Seed, Today)
{
    protected override bool OnPostgres => true;
}

/// <summary>
/// Replacing the demo force on PostgreSQL empties the force's tables with one TRUNCATE and loads it again in bulk:
/// the same force comes back, once, with every index and foreign key in place.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDemoForceReplaceTests(PostgresReplaceAppFactory app) : IClassFixture<PostgresReplaceAppFactory>
{
    [Fact]
    public async Task ReplacingTheForceGivesTheSameForceOnceWithItsSchemaWhole()
    {
        var first = await app.GenerateAsync();
        var before = await CountsAsync();

        var second = await app.ReplaceAsync();

        Assert.Equal(first, second);
        Assert.Equal(before, await CountsAsync());
        await using var db = app.CreateDbContext();
        Assert.Equal(second.Cases, await db.Cases.Select(c => c.Reference).Distinct().CountAsync());
        Assert.Equal(0, await PostgresBulkLoad.RestorePendingAsync(db, CancellationToken.None));
        Assert.Equal(await db.Incidents.CountAsync(i => i.ScreenedAt != null), await db.Screenings.CountAsync());
        Assert.False(await CaseStandingRefresh.Stale(db, db.Cases).AnyAsync());
    }

    private async Task<(int Cases, int Incidents, int People, int Answers, int Indexes)> CountsAsync()
    {
        await using var db = app.CreateDbContext();
        return (await db.Cases.CountAsync(), await db.Incidents.CountAsync(), await db.People.CountAsync(), await db.AssessmentAnswers.CountAsync(),
            await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_indexes WHERE schemaname = 'public'").SingleAsync());
    }
}
