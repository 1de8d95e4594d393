using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AsbOps.Web.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode <c>synchronous=NORMAL</c> keeps the database consistent after a
/// crash and only risks the last commits on a power cut, while making each commit several times cheaper than FULL.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>Also run by the hand-written-SQL baselines, so both sides pay the same per commit.</summary>
    public const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
