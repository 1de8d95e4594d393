using System.Globalization;
using Npgsql;

namespace AsbOps.Benchmarks;

/// <summary>
/// The PostgreSQL demo database the benchmarks use in place with <c>--provider postgres</c>
/// (<see cref="JobsBenchHost.PostgresVariable"/>): its first area, its size, and the removal of the incidents a
/// benchmark posted into it, so that repeated runs leave the demo force as seeded.
/// </summary>
public sealed record BenchPostgresDemo(string ConnectionString, string AreaCode, int AreaId, long Incidents, long Cases)
{
    /// <summary>The demo database named by the environment, or null (with the reason printed) when there is none.</summary>
    public static async Task<BenchPostgresDemo?> OpenAsync(string benchmark)
    {
        if (Environment.GetEnvironmentVariable(JobsBenchHost.PostgresVariable) is not { Length: > 0 } connectionString)
        {
            Console.WriteLine($"{benchmark}: --provider postgres needs {JobsBenchHost.PostgresVariable} (the demo database's connection string); skipped.");
            return null;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT "Code" FROM "Areas" ORDER BY "Code" LIMIT 1), (SELECT "Id" FROM "Areas" ORDER BY "Code" LIMIT 1),
                   (SELECT COUNT(*) FROM "Incidents"), (SELECT COUNT(*) FROM "Cases")
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (reader.IsDBNull(0))
        {
            Console.WriteLine($"{benchmark}: the database of {JobsBenchHost.PostgresVariable} has no areas (seed it with --seed-demo); skipped.");
            return null;
        }

        return new BenchPostgresDemo(connectionString, reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>"PostgreSQL, scale N (… cases)" and the result-name tag "postgres-scaleN".</summary>
    public (string Label, string Tag) Names => JobsBenchHost.PostgresNames(Cases);

    /// <summary>Deletes the incidents whose reference starts with one of <paramref name="prefixes"/>, and their audit entries.</summary>
    public async Task<int> DeleteIncidentsAsync(params string[] prefixes)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tests = string.Join(" OR ", prefixes.Select((_, i) => $"\"StormRef\" LIKE @p{i}"));
        await using var delete = new NpgsqlCommand($"""
            CREATE TEMPORARY TABLE bench_run_incidents AS SELECT "Id" FROM "Incidents" WHERE {tests};
            DELETE FROM "AuditEntries" WHERE "EntityType" = 'Incident' AND "EntityId" IN (SELECT "Id"::text FROM bench_run_incidents);
            DELETE FROM "Incidents" WHERE "Id" IN (SELECT "Id" FROM bench_run_incidents);
            """, connection);
        for (var i = 0; i < prefixes.Length; i++)
        {
            delete.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"p{i}"), prefixes[i] + "%");
        }

        delete.CommandTimeout = 600;
        return await delete.ExecuteNonQueryAsync();
    }
}
