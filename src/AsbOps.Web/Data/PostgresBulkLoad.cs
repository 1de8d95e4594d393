using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AsbOps.Web.Data;

/// <summary>
/// A large load into PostgreSQL (the demo force at scale 100) done the way PostgreSQL's manual advises for populating a
/// database: the secondary indexes and the foreign keys of the tables being filled are dropped before the rows go in
/// and made again afterwards, so that each index is built once by sorting and each foreign key is checked once by a
/// join, instead of every row updating every index and firing a trigger per key. Primary keys stay.
/// <para>
/// The statements that put them back are written first to a table of their own (<c>__AsbOpsBulkLoad</c>) in the same
/// transaction as the drops, and that table is emptied only in the transaction that restores them: a load cut off by a
/// crash leaves the statements behind, and the next <see cref="BeginAsync"/> (any later load) or
/// <see cref="RestorePendingAsync"/> (the app's start-up) runs them first. So the schema never stays without them.
/// </para>
/// </summary>
public sealed class PostgresBulkLoad
{
    private const string PendingTable = "\"__AsbOpsBulkLoad\"";

    private readonly IDbContextFactory<AsbOpsDbContext> _dbFactory;

    private PostgresBulkLoad(IDbContextFactory<AsbOpsDbContext> dbFactory, int dropped)
    {
        _dbFactory = dbFactory;
        Dropped = dropped;
    }

    /// <summary>How many indexes and foreign keys were dropped for the load.</summary>
    public int Dropped { get; }

    /// <summary>
    /// On PostgreSQL, drops the secondary indexes (not those behind a primary key or other constraint) and the foreign
    /// keys of <paramref name="tables"/> and returns the load, to be ended with <see cref="EndAsync"/>; elsewhere returns
    /// null and changes nothing.
    /// </summary>
    public static async Task<PostgresBulkLoad?> BeginAsync(IDbContextFactory<AsbOpsDbContext> dbFactory, IReadOnlyCollection<string> tables,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        await RestorePendingAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // What to drop, and the statement that makes each again: foreign keys after the indexes they may lean on.
        var objects = new List<(int Order, string Drop, string Restore)>();
        await using (var command = new NpgsqlCommand("""
            SELECT 1, format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid = ANY (@tables::regclass[])
            UNION ALL
            SELECT 0, format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY (@tables::regclass[]) AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("tables", tables.Select(t => $"\"{t}\"").ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                objects.Add((reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        await ExecuteAsync(connection, transaction, $"CREATE TABLE IF NOT EXISTS {PendingTable} (\"Order\" int NOT NULL, \"Statement\" text NOT NULL)",
            cancellationToken);
        foreach (var (order, drop, restore) in objects.OrderByDescending(o => o.Order))
        {
            await using var save = new NpgsqlCommand($"INSERT INTO {PendingTable} VALUES (@order, @statement)", connection, transaction);
            save.Parameters.AddWithValue("order", order);
            save.Parameters.AddWithValue("statement", restore);
            await save.ExecuteNonQueryAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, drop, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new PostgresBulkLoad(dbFactory, objects.Count);
    }

    /// <summary>Makes the indexes and foreign keys again, then has the planner's statistics of the tables gathered.</summary>
    public async Task EndAsync(CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        await RestorePendingAsync(db, cancellationToken);
    }

    /// <summary>
    /// Runs the statements a load left behind (indexes, then foreign keys) in one transaction with a larger sort memory,
    /// removes them, and analyses the database; does nothing when there are none (or not on PostgreSQL).
    /// </summary>
    public static async Task<int> RestorePendingAsync(AsbOpsDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return 0;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var statements = new List<string>();
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await using (var exists = new NpgsqlCommand($"SELECT to_regclass('public.{PendingTable}') IS NOT NULL", connection, transaction))
            {
                if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
                {
                    return 0;
                }
            }

            await using (var read = new NpgsqlCommand($"SELECT \"Statement\" FROM {PendingTable} ORDER BY \"Order\"", connection, transaction))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    statements.Add(reader.GetString(0));
                }
            }

            await ExecuteAsync(connection, transaction, "SET LOCAL maintenance_work_mem = '256MB'", cancellationToken);
            foreach (var statement in statements)
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken);
            }

            await ExecuteAsync(connection, transaction, $"DROP TABLE {PendingTable}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await using (var analyse = new NpgsqlCommand("ANALYZE", connection))
        {
            analyse.CommandTimeout = 0;
            await analyse.ExecuteNonQueryAsync(cancellationToken);
        }

        return statements.Count;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
