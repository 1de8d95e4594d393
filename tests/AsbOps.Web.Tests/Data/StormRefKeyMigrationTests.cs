using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AsbOps.Web.Tests.Data;

/// <summary>
/// The migration that makes references compare case-insensitively must run on real data, where references that differ
/// only by case may already be stored: the earliest keeps the plain key, the later ones a suffixed one.
/// </summary>
public sealed class StormRefKeyMigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("asbops-migration-").FullName;

    [Fact]
    public async Task MigratingADatabaseWithReferencesThatDifferOnlyByCaseKeepsEveryIncidentAndMakesTheKeysUnique()
    {
        await using var db = new SqliteAsbOpsDbContext(new DbContextOptionsBuilder<SqliteAsbOpsDbContext>()
            .UseSqlite($"Data Source={Path.Combine(_folder, "old.db")};Pooling=False").Options);

        await StormRefKeyMigration.MigrateCollidingRowsAsync(db);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The check itself, for either provider.</summary>
public static class StormRefKeyMigration
{
    public static async Task MigrateCollidingRowsAsync(AsbOpsDbContext db)
    {
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var keys = migrations.FindIndex(m => m.EndsWith("_StormRefKeys", StringComparison.Ordinal));
        Assert.True(keys > 0, "There is no StormRefKeys migration.");
        await migrator.MigrateAsync(migrations[keys - 1]);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "Areas" ("Code", "Name", "Version") VALUES ('OLDAREA', 'Old area', 0)""");
        foreach (var stormRef in new[] { "lp-old-1", "LP-OLD-1", "XY-OTHER-2", "Lp-Old-1" })
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Incidents" ("StormRef", "Source", "ReceivedAt", "AreaId", "Category", "Address", "Postcode",
                    "Description", "Thrive_Grade", "CreatedAt", "Version")
                VALUES ({stormRef}, 'ControlRoom', '2026-11-01 10:00:00', (SELECT "Id" FROM "Areas" WHERE "Code" = 'OLDAREA'),
                    'Personal', '1 Old Road', 'LE11 1AA', 'Stored before keys', 'Priority', '2026-11-01 10:00:00', 0)
                """);
        }

        await migrator.MigrateAsync();

        var rows = await db.Database.SqlQueryRaw<KeyRow>("""SELECT "Id", "StormRef", "StormRefKey" FROM "Incidents" ORDER BY "Id" """).ToListAsync();
        Assert.Equal(["lp-old-1", "LP-OLD-1", "XY-OTHER-2", "Lp-Old-1"], rows.Select(r => r.StormRef));
        Assert.Equal(["LP-OLD-1", $"LP-OLD-1#{rows[1].Id}", "XY-OTHER-2", $"LP-OLD-1#{rows[3].Id}"], rows.Select(r => r.StormRefKey));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}

public sealed record KeyRow(long Id, string StormRef, string StormRefKey);
