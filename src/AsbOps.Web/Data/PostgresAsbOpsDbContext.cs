using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>
/// The same model as <see cref="AsbOpsDbContext"/> on PostgreSQL. It exists so that EF Core keeps a second migration
/// set (<c>Data/Migrations/Postgres</c>) with PostgreSQL's column types: migrations belong to a context type.
/// Features never name it; on PostgreSQL the <c>IDbContextFactory&lt;AsbOpsDbContext&gt;</c> hands it out.
/// </summary>
public sealed class PostgresAsbOpsDbContext(DbContextOptions<PostgresAsbOpsDbContext> options) : AsbOpsDbContext(options);
