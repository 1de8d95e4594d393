using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AsbOps.Web.Data;

public static class DbErrors
{
    /// <summary>True when the save failed on a unique index (SQLite constraint 19 / PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is System.Data.Common.DbException inner && IsUniqueViolation(inner);

    /// <summary>True when a command failed on a unique index (SQLite constraint 19 / PostgreSQL 23505).</summary>
    public static bool IsUniqueViolation(System.Data.Common.DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
