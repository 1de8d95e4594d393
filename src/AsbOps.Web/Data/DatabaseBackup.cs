using Microsoft.Data.Sqlite;

namespace AsbOps.Web.Data;

/// <summary>
/// How "another instance holds the database" is detected on SQLite: every running server keeps an exclusive lock on
/// the file <c>&lt;database&gt;.lock</c> beside the database for as long as it runs (an OS file lock, so a process that
/// is killed releases it at once and a stale file never blocks). <c>--restore</c> takes the same lock and refuses when
/// it cannot.
/// </summary>
public static class DatabaseLock
{
    public static string PathFor(string databaseFile) => Path.GetFullPath(databaseFile) + ".lock";

    /// <summary>The held lock, or null when another process (or another holder in this one) has it.</summary>
    public static FileStream? TryHold(string databaseFile)
    {
        try
        {
            var stream = new FileStream(PathFor(databaseFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return stream;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Server start-up on SQLite: holds the lock until the app stops; warns (and runs) when another instance has it.</summary>
    public static void HoldDatabaseLock(this WebApplication app)
    {
        if (SqliteFile(app) is not { } file)
        {
            return;
        }

        var held = TryHold(file);
        if (held is null)
        {
            app.Logger.LogWarning("Another AsbOps instance holds {Lock}; --restore will refuse while either runs.", PathFor(file));
            return;
        }

        app.Lifetime.ApplicationStopped.Register(held.Dispose);
    }

    /// <summary>The SQLite database file the app is configured with, or null on PostgreSQL or an in-memory database.</summary>
    public static string? SqliteFile(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AsbOpsDbContext>();
        if (!Microsoft.EntityFrameworkCore.SqliteDatabaseFacadeExtensions.IsSqlite(db.Database))
        {
            return null;
        }

        var source = new SqliteConnectionStringBuilder(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database)).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : source;
    }
}

/// <summary>
/// <c>--backup PATH</c> and <c>--restore PATH</c> on SQLite, with SQLite's online backup API: a backup is a consistent
/// copy taken while the app runs and writes (readers and writers carry on); a restore copies a backup over the
/// database, refused while any instance holds it (<see cref="DatabaseLock"/>). Exit codes: 0 done, 2 bad argument, 3
/// the database is held, 1 failed.
/// </summary>
public static class DatabaseBackup
{
    public static async Task<int> BackupAsync(string databaseFile, string? path, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(path) || path.StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("--backup takes the file to write: --backup /backups/asbops-2026-12-05.db");
            return 2;
        }

        var target = Path.GetFullPath(path);
        if (File.Exists(target))
        {
            await error.WriteLineAsync($"{target} exists; --backup writes a new file and never overwrites one.");
            return 2;
        }

        if (!File.Exists(databaseFile))
        {
            await error.WriteLineAsync($"There is no database at {Path.GetFullPath(databaseFile)} to back up.");
            return 1;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            await using var source = new SqliteConnection(Connection(databaseFile, SqliteOpenMode.ReadWrite));
            await using var copy = new SqliteConnection(Connection(target, SqliteOpenMode.ReadWriteCreate));
            await source.OpenAsync();
            await copy.OpenAsync();
            source.BackupDatabase(copy);
        }
        catch (SqliteException e)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(target);
            await error.WriteLineAsync($"Backup failed, nothing written: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync($"Backed up {Path.GetFullPath(databaseFile)} to {target} ({new FileInfo(target).Length:N0} bytes).");
        return 0;
    }

    public static async Task<int> RestoreAsync(string databaseFile, string? path, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(path) || path.StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("--restore takes a file made by --backup: --restore /backups/asbops-2026-12-05.db");
            return 2;
        }

        var backup = Path.GetFullPath(path);
        if (!File.Exists(backup))
        {
            await error.WriteLineAsync($"There is no backup at {backup}.");
            return 2;
        }

        if (await CheckAsync(backup) is { } problem)
        {
            await error.WriteLineAsync($"{backup} is not an AsbOps backup: {problem}. Nothing was restored.");
            return 2;
        }

        using var held = DatabaseLock.TryHold(databaseFile);
        if (held is null)
        {
            await error.WriteLineAsync(
                $"Refusing to restore: another AsbOps instance holds {Path.GetFullPath(databaseFile)} (it keeps {DatabaseLock.PathFor(databaseFile)} "
                + "locked while it runs). Stop every instance using this database, then run --restore again. Nothing was restored.");
            return 3;
        }

        try
        {
            await using var source = new SqliteConnection(Connection(backup, SqliteOpenMode.ReadOnly));
            await using var database = new SqliteConnection(Connection(databaseFile, SqliteOpenMode.ReadWriteCreate));
            await source.OpenAsync();
            await database.OpenAsync();
            source.BackupDatabase(database);
        }
        catch (SqliteException e)
        {
            await error.WriteLineAsync($"Restore failed: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync($"Restored {Path.GetFullPath(databaseFile)} from {backup}. Start the app; it applies any newer migrations.");
        return 0;
    }

    /// <summary>Null when the file is a sound SQLite database with the app's migration history; else what is wrong.</summary>
    private static async Task<string?> CheckAsync(string file)
    {
        try
        {
            await using var connection = new SqliteConnection(Connection(file, SqliteOpenMode.ReadOnly));
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA quick_check";
            if (await check.ExecuteScalarAsync() is not "ok")
            {
                return "its integrity check failed";
            }

            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            return Convert.ToInt64(await check.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 1 ? null : "it has no migration history";
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    // Unpooled, so that no connection stays open on either file once the verb is done.
    private static string Connection(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString();
}
