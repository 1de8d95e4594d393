using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AsbOps.Web.Data;

/// <summary>
/// A transaction for two or more reads that must see the same data, taking no write lock: on SQLite a deferred
/// <c>BEGIN</c> (a snapshot from the first read, in WAL mode; Microsoft.Data.Sqlite's default is <c>BEGIN IMMEDIATE</c>,
/// which takes the write lock), on PostgreSQL <c>REPEATABLE READ</c>. Dispose it after the reads (or commit it).
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable, IDisposable
{
    private readonly IDbContextTransaction _transaction;
    private readonly DbTransaction? _owned;

    private ReadSnapshot(IDbContextTransaction transaction, DbTransaction? owned)
    {
        _transaction = transaction;
        _owned = owned;
    }

    /// <summary>Begins the snapshot on <paramref name="db"/>'s open connection, synchronously (SQLite's calls are).</summary>
    public static ReadSnapshot Begin(AsbOpsDbContext db)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            var owned = sqlite.BeginTransaction(deferred: true);
            return new ReadSnapshot(db.Database.UseTransaction(owned)!, owned);
        }

        return new ReadSnapshot(db.Database.BeginTransaction(IsolationLevel.RepeatableRead), null);
    }

    /// <summary>Begins the snapshot on <paramref name="db"/>'s open connection.</summary>
    public static async Task<ReadSnapshot> BeginAsync(AsbOpsDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is SqliteConnection)
        {
            return Begin(db);
        }

        return new ReadSnapshot(await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken), null);
    }

    /// <summary>Ends the reads (nothing was written, so a rollback would do the same).</summary>
    public void Commit() => _transaction.Commit();

    /// <summary>Ends the reads (nothing was written, so a rollback would do the same).</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public void Dispose()
    {
        _transaction.Dispose();
        _owned?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }
}
