using AsbOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>
/// The model on PostgreSQL (<c>Database:Provider=Postgres</c>), with the migration set in
/// <c>Data/Migrations/Postgres</c>: EF Core keeps migrations per context type.
/// </summary>
public sealed class PostgresAsbOpsDbContext(DbContextOptions<PostgresAsbOpsDbContext> options) : AsbOpsDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The case list's search is a LIKE '%…%' over each case's search text: a trigram GIN index finds the matching
        // cases (pg_trgm is a trusted extension, so the database's owner may create it without being a superuser).
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<AsbCase>().HasIndex(c => c.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
