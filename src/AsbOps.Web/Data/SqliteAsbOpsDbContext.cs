using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>
/// The model on SQLite (the default provider), with the migration set in <c>Data/Migrations</c>: EF Core keeps
/// migrations per context type.
/// </summary>
public sealed class SqliteAsbOpsDbContext(DbContextOptions<SqliteAsbOpsDbContext> options) : AsbOpsDbContext(options);
