using System.Globalization;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Features.Account;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AsbOps.Web;

/// <summary>Command-line verbs that run instead of the web server. Each returns the process's exit code.</summary>
public static class CommandLine
{
    public const string SeedDemo = "--seed-demo";
    public const string CreateAdmin = "--create-admin";
    public const string Backup = "--backup";
    public const string Restore = "--restore";

    /// <summary>While a verb runs, log lines go to stderr, so stdout carries only the verb's answer.</summary>
    public static void Configure(WebApplicationBuilder builder, string[] args)
    {
        if (args.Contains(SeedDemo) || args.Contains(CreateAdmin) || args.Contains(Backup) || args.Contains(Restore))
        {
            builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        }
    }

    /// <summary>Runs the verb named in <paramref name="args"/> and returns its exit code, or null when there is none.</summary>
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        if (Array.IndexOf(args, CreateAdmin) is >= 0 and var adminIndex)
        {
            return await CreateAdminAsync(app, adminIndex + 1 < args.Length ? args[adminIndex + 1] : null, output, error);
        }

        if (Array.IndexOf(args, SeedDemo) is >= 0 and var seedIndex)
        {
            return await SeedDemoAsync(app, seedIndex + 1 < args.Length ? args[seedIndex + 1] : null, output, error);
        }

        if (Array.IndexOf(args, Backup) is >= 0 and var backupIndex)
        {
            return await BackupOrRestoreAsync(app, Backup, backupIndex + 1 < args.Length ? args[backupIndex + 1] : null, output, error);
        }

        if (Array.IndexOf(args, Restore) is >= 0 and var restoreIndex)
        {
            return await BackupOrRestoreAsync(app, Restore, restoreIndex + 1 < args.Length ? args[restoreIndex + 1] : null, output, error);
        }

        return null;
    }

    /// <summary>
    /// <c>--backup PATH</c> (online, while the app runs) and <c>--restore PATH</c> (refused while an instance runs) on
    /// SQLite; on PostgreSQL they point at pg_dump and pg_restore.
    /// </summary>
    private static async Task<int> BackupOrRestoreAsync(WebApplication app, string verb, string? path, TextWriter output, TextWriter error)
    {
        if (DatabaseLock.SqliteFile(app) is not { } file)
        {
            await error.WriteLineAsync($"{verb} works on a SQLite database. On PostgreSQL use pg_dump and pg_restore (see the README, Backups).");
            return 2;
        }

        return verb == Backup
            ? await DatabaseBackup.BackupAsync(file, path, output, error)
            : await DatabaseBackup.RestoreAsync(file, path, output, error);
    }

    /// <summary>
    /// <c>--create-admin EMAIL</c>: migrates the database (no demo data), creates or re-enables the administrator and
    /// prints one line <c>Set-password link: …</c>. Exit 0; 2 for a bad email or setting; 1 when nothing was done.
    /// </summary>
    private static async Task<int> CreateAdminAsync(WebApplication app, string? email, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(email) || email.StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"{CreateAdmin} takes the administrator's email address: {CreateAdmin} admin@force.police.uk");
            return 2;
        }

        AppOptions options;
        try
        {
            options = app.Services.GetRequiredService<IOptions<AppOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        var result = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>().CreateOrEnableAsync(email);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync(result.Message);
            return result.Outcome == CreateAdminOutcome.NotAnEmailAddress ? 2 : 1;
        }

        await error.WriteLineAsync(result.Message);
        if (!options.BaseUrlConfigured && !app.Environment.IsDevelopment())
        {
            await error.WriteLineAsync($"App:BaseUrl is not set, so the link starts with {options.BaseUrl}. Set App:BaseUrl (App__BaseUrl) to the address users open.");
        }

        await output.WriteLineAsync($"Set-password link: {result.Link}");
        return 0;
    }

    /// <summary>
    /// <c>--seed-demo N</c>: migrates the configured database, empties it and loads the demo force at scale N
    /// (10 = about 44,000 cases, for benchmarks).
    /// </summary>
    private static async Task<int> SeedDemoAsync(WebApplication app, string? argument, TextWriter output, TextWriter error)
    {
        var scale = 1;
        if (argument is not null && !int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out scale))
        {
            await error.WriteLineAsync($"{SeedDemo} takes a whole scale such as 1 or 10, not '{argument}'.");
            return 2;
        }

        if (scale is < 1 or > 100)
        {
            await error.WriteLineAsync($"{SeedDemo} scale must be between 1 and 100.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(seedDemo: false);
        var generator = scope.ServiceProvider.GetRequiredService<DemoForceGenerator>();
        var started = TimeProvider.System.GetTimestamp();
        var result = await generator.ReplaceAsync(scale);
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Demo force at scale {scale}: {result.Cases:N0} cases, {result.Incidents:N0} incidents, {result.People:N0} people in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s."));
        return 0;
    }
}
