using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>
/// The model on PostgreSQL (<c>Database:Provider=Postgres</c>), with the migration set in
/// <c>Data/Migrations/Postgres</c>: EF Core keeps migrations per context type.
/// </summary>
public sealed class PostgresAsbOpsDbContext(DbContextOptions<PostgresAsbOpsDbContext> options) : AsbOpsDbContext(options);
