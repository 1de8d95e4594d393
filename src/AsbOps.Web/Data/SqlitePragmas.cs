using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AsbOps.Web.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode <c>synchronous=NORMAL</c> keeps the database consistent after a
/// crash and only risks the last commits on a power cut, while making each commit several times cheaper than FULL.
/// </summary>
/// <remarks>
/// The setting belongs to SQLite's connection (<c>sqlite3*</c>), which Microsoft.Data.Sqlite's pool keeps open across
/// many opens of a <see cref="SqliteConnection"/>; it is sent once per pooled connection, not on every open (a statement
/// prepared and run for nothing on each short read, such as a case list page).
/// </remarks>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>Also run by the hand-written-SQL baselines, so both sides pay the same per commit.</summary>
    public const string Pragmas = "PRAGMA synchronous=NORMAL;";

    /// <summary>SQLite's connections (the handles of the pooled connections) that have had the pragmas.</summary>
    private static readonly ConditionalWeakTable<object, object> Applied = new();

    private static readonly object Marker = new();

    /// <summary>Whether <paramref name="connection"/>'s SQLite connection has had the pragmas (for tests).</summary>
    public static bool HasRunOn(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Applied.TryGetValue(handle, out _);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (HasRunOn(connection))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (HasRunOn(connection))
        {
            return;
        }

        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        Remember(connection);
    }

    private static void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Applied.AddOrUpdate(handle, Marker);
        }
    }
}
