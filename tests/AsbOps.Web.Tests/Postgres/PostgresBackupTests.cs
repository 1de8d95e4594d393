using System.Diagnostics;
using System.Net;
using AsbOps.Web.Tests.Infrastructure;
using Npgsql;

namespace AsbOps.Web.Tests.Postgres;

/// <summary>
/// The README's PostgreSQL backup and restore, run as written against the test server: <c>pg_dump -Fc</c> of the app's
/// database while it runs, <c>pg_restore</c> into a new database, and the data is there. The client programs come from
/// the same Debian PostgreSQL install as the server (/usr/lib/postgresql/&lt;version&gt;/bin), so their versions match.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBackupTests(PostgresApiAppFactory app) : IClassFixture<PostgresApiAppFactory>, IAsyncLifetime
{
    private readonly string _restored = PostgresTestServer.NewDatabaseName();
    private readonly string _dump = Path.Combine(Path.GetTempPath(), "asbops-tests", "pg-" + Guid.NewGuid().ToString("N") + ".dump");

    public async Task InitializeAsync() => await app.AddAreaAsync("APIAREA");

    public Task DisposeAsync()
    {
        PostgresTestServer.Drop(_restored);
        File.Delete(_dump);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PgDumpOfTheRunningAppRestoresWithPgRestoreIntoANewDatabaseWithEveryIncident()
    {
        using var client = app.ClientWithKey(ApiAppFactory.StormKey);
        var refs = Enumerable.Range(1, 20).Select(i => $"PGBK-{i:D4}").ToList();
        foreach (var stormRef in refs)
        {
            Assert.Equal(HttpStatusCode.Created, (await ApiAppFactory.PostAsync(client, ApiAppFactory.Incident(stormRef))).StatusCode);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_dump)!);
        var server = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString(app.PostgresDatabase));
        var dump = await RunAsync("pg_dump", server, "--format=custom", "--no-owner", $"--file={_dump}", $"--dbname={server.Database}");
        var create = await RunAsync("createdb", server, _restored);
        var restore = await RunAsync("pg_restore", server, "--no-owner", "--exit-on-error", $"--dbname={_restored}", _dump);

        Assert.True(dump.ExitCode == 0, dump.Error);
        Assert.True(create.ExitCode == 0, create.Error);
        Assert.True(restore.ExitCode == 0, restore.Error);
        await using var restored = new NpgsqlConnection(PostgresTestServer.ConnectionString(_restored));
        await restored.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"StormRef\" FROM \"Incidents\"", restored);
        var found = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                found.Add(reader.GetString(0));
            }
        }

        Assert.Empty(refs.Except(found));
        await using var migrations = new NpgsqlCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"", restored);
        Assert.True((long)(await migrations.ExecuteScalarAsync())! > 0);
    }

    /// <summary>Runs a PostgreSQL client program from the newest installed version, with the test server's address and role.</summary>
    private static async Task<(int ExitCode, string Error)> RunAsync(string program, NpgsqlConnectionStringBuilder server, params string[] args)
    {
        var version = Directory.GetDirectories("/usr/lib/postgresql").Select(Path.GetFileName).OrderBy(v => int.Parse(v!, System.Globalization.CultureInfo.InvariantCulture)).Last();
        var start = new ProcessStartInfo(Path.Combine("/usr/lib/postgresql", version!, "bin", program))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--host={server.Host}");
        start.ArgumentList.Add($"--port={server.Port}");
        start.ArgumentList.Add($"--username={server.Username}");
        start.ArgumentList.Add("--no-password");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        await output;
        return (process.ExitCode, await error);
    }
}
