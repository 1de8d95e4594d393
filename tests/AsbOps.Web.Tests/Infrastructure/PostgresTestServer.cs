using Npgsql;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the PostgreSQL tests use, from <c>ASBOPS_TEST_POSTGRES</c> (a connection string without a
/// database, for a role that may create databases). tests/run.sh starts a local server and sets it. Each test class
/// gets a database of its own under a random name, which the app's migrations create and the factory drops.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "ASBOPS_TEST_POSTGRES";

    /// <summary>A fresh database name: lower case, so that it needs no quoting.</summary>
    public static string NewDatabaseName() => "asbops_test_" + Guid.NewGuid().ToString("N")[..16];

    public static string ConnectionString(string database)
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL tests have no server. Run tests/run.sh, which installs and starts a "
                + $"local PostgreSQL and sets {Variable}, or set it yourself, e.g. "
                + "\"Host=127.0.0.1;Port=5432;Username=asbops_test;Password=…\" for a role with CREATEDB.");
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    }

    /// <summary>
    /// Drops the test database, closing any connection a pool still holds to it. FORCE ends sessions the app left
    /// open, but PostgreSQL refuses it when an autovacuum worker is analysing the database (often just after a bulk
    /// load) and the role lacks pg_signal_backend (tests/run.sh grants it; a server of your own may not): a plain drop
    /// then cancels the worker itself.
    /// </summary>
    public static void Drop(string database)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        try
        {
            Execute(connection, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            Execute(connection, $"DROP DATABASE IF EXISTS \"{database}\"");
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
