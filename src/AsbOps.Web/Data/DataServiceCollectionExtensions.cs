using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AsbOps.Web.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "AsbOps";

    /// <summary>Registers the DbContext factory on SQLite (a file in <c>data/</c> by default) or PostgreSQL.</summary>
    public static IServiceCollection AddAsbOpsData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = $"Data Source={Path.Combine(environment.ContentRootPath, "data", "asbops.db")}";
        }

        connectionString = database.IsPostgres ? PreparePostgres(connectionString) : PrepareSqlite(connectionString);

        // Each provider has its own context type (and so its own migration set); features ask for AsbOpsDbContext.
        // Counting "up to N" (the case list's total) is a LIMIT without an order on purpose: an order would make the
        // database sort or walk every match, and which N rows are counted does not matter. EF Core would warn each time.
        static void Warnings(WarningsConfigurationBuilder w) =>
            w.Log((CoreEventId.RowLimitingOperationWithoutOrderByWarning, LogLevel.Debug));
        if (database.IsPostgres)
        {
            services.AddDbContextFactory<PostgresAsbOpsDbContext>(options => options.UseNpgsql(connectionString).ConfigureWarnings(Warnings));
            services.AddSingleton<IDbContextFactory<AsbOpsDbContext>, ProviderContextFactory<PostgresAsbOpsDbContext>>();
            services.AddSingleton<IReadContextPool, ReadContextPool<PostgresAsbOpsDbContext>>();
        }
        else
        {
            services.AddDbContextFactory<SqliteAsbOpsDbContext>(options =>
                options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()).ConfigureWarnings(Warnings));
            services.AddSingleton<IDbContextFactory<AsbOpsDbContext>, ProviderContextFactory<SqliteAsbOpsDbContext>>();
            services.AddSingleton<IReadContextPool, ReadContextPool<SqliteAsbOpsDbContext>>();
        }

        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContext());
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AuditTrail>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoForceGenerator>();
        return services;
    }

    /// <summary>
    /// Turns PostgreSQL's JIT compilation off for the app's connections unless the connection string sets its own
    /// <c>Options</c>. The dashboard, compliance and sweep queries are estimated above the server's default
    /// <c>jit_above_cost</c> at national scale, and compiling them cost more than running them (160–300 ms of JIT for a
    /// 100 ms query at scale 100; see the benchmark README).
    /// </summary>
    internal static string PreparePostgres(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Options))
        {
            builder.Options = "-c jit=off";
        }

        return builder.ConnectionString;
    }

    /// <summary>Makes sure the SQLite file's folder exists and a busy wait is set so short write locks queue.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}
