using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AsbOps.Web.Tests.Data;

/// <summary>Each provider has its own migration set; a model change must reach both (the DbContext names the commands).</summary>
public sealed class MigrationSetTests
{
    [Fact]
    public void TheSqliteMigrationsCoverTheWholeModel()
    {
        using var db = new SqliteAsbOpsDbContext(new DbContextOptionsBuilder<SqliteAsbOpsDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.True(db.Database.GetMigrations().Any());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a SQLite migration: add one to Data/Migrations.");
    }

    [Fact]
    public void ThePostgresMigrationsCoverTheWholeModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.True(db.Database.GetMigrations().Any());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a PostgreSQL migration: add one to Data/Migrations/Postgres.");
    }

    [Fact]
    public void EachProviderRunsOnlyTheMigrationsOfItsOwnFolder()
    {
        using var sqlite = new SqliteAsbOpsDbContext(new DbContextOptionsBuilder<SqliteAsbOpsDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.All(Namespaces(sqlite), ns => Assert.Equal("AsbOps.Web.Data.Migrations", ns));
        Assert.All(Namespaces(postgres), ns => Assert.Equal("AsbOps.Web.Data.Migrations.Postgres", ns));
    }

    private static List<string?> Namespaces(AsbOpsDbContext db) =>
        [.. db.GetService<IMigrationsAssembly>().Migrations.Values.Select(t => t.Namespace)];
}
