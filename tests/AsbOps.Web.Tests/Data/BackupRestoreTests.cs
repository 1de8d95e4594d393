using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using AsbOps.Web.Tests.Account;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AsbOps.Web.Tests.Data;

/// <summary>
/// <c>--backup</c> and <c>--restore</c>, run as their own processes the way an operator runs them, against the SQLite
/// file of an app that is taking intake: the backup is consistent and complete up to when it began; a restore is
/// refused while an instance holds the database.
/// </summary>
public sealed class BackupRestoreTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "asbops-tests", "backup-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await app.AddAreaAsync("APIAREA");
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ABackupTakenDuringABurstOfIntakeRestoresIntoANewFileWithEveryIncidentAcknowledgedBeforeItBegan()
    {
        var backup = Path.Combine(_folder, "asbops-backup.db");
        var acknowledged = new ConcurrentQueue<(string StormRef, long At)>();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var posters = Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            using var client = app.ClientWithKey(ApiAppFactory.StormKey);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var stormRef = $"BKP-{worker}-{i:D5}";
                using var response = await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(stormRef));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Enqueue((stormRef, clock.ElapsedTicks));
                }
            }
        })).ToList();

        // Let intake run, then back up while it goes on, then keep it going a little after.
        while (acknowledged.Count < 200)
        {
            await Task.Delay(20);
        }

        var began = clock.ElapsedTicks;
        var run = await new AdminCommand(app.DatabasePath, app.KeysDirectory).RunAsync("--backup", backup);
        var finished = clock.ElapsedTicks;
        var countAtFinish = acknowledged.Count;
        while (acknowledged.Count < countAtFinish + 50)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Task.WhenAll(posters);

        var restoredPath = Path.Combine(_folder, "restored", "asbops.db");
        Directory.CreateDirectory(Path.GetDirectoryName(restoredPath)!);
        var restore = await new AdminCommand(restoredPath, app.KeysDirectory).RunAsync("--restore", backup);
        var restored = StormRefs(restoredPath);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Backed up", run.Output);
        Assert.True(restore.ExitCode == 0, restore.Error);
        var before = acknowledged.Where(a => a.At < began).Select(a => a.StormRef).ToList();
        Assert.True(before.Count >= 200);
        Assert.Empty(before.Except(restored));
        // It was a burst: intake carried on while the backup ran, and what came after it is not in the copy.
        Assert.Contains(acknowledged, a => a.At > finished);
        Assert.DoesNotContain(acknowledged.Where(a => a.At > finished).Select(a => a.StormRef), restored.Contains);
        Assert.Equal("ok", Scalar(restoredPath, "PRAGMA integrity_check"));
    }

    [Fact]
    public async Task RestoreIsRefusedWhileTheAppHoldsTheDatabaseAndNothingChanges()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        Assert.Equal(HttpStatusCode.Created, (await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident("HELD-00001"))).StatusCode);
        var backup = Path.Combine(_folder, "held-backup.db");
        Assert.Equal(0, (await new AdminCommand(app.DatabasePath, app.KeysDirectory).RunAsync("--backup", backup)).ExitCode);
        Assert.Equal(HttpStatusCode.Created, (await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident("HELD-00002"))).StatusCode);

        var refused = await new AdminCommand(app.DatabasePath, app.KeysDirectory).RunAsync("--restore", backup);
        var again = await new AdminCommand(app.DatabasePath, app.KeysDirectory).RunAsync("--backup", backup);

        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("Refusing to restore: another AsbOps instance holds", refused.Error);
        Assert.Contains("HELD-00002", StormRefs(app.DatabasePath));
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("never overwrites", again.Error);
    }

    private static HashSet<string> StormRefs(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT StormRef FROM Incidents";
        using var reader = command.ExecuteReader();
        var refs = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            refs.Add(reader.GetString(0));
        }

        return refs;
    }

    private static string? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
