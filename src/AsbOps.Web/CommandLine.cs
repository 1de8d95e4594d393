using System.Globalization;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Seeding;

namespace AsbOps.Web;

/// <summary>Command-line verbs that run instead of the web server.</summary>
public static class CommandLine
{
    /// <summary>
    /// <c>--seed-demo N</c>: migrates the configured database, empties it and loads the demo force at scale N
    /// (10 = about 44,000 cases, for benchmarks), then exits.
    /// </summary>
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        var index = Array.IndexOf(args, "--seed-demo");
        if (index < 0)
        {
            return false;
        }

        var scale = 1;
        if (index + 1 < args.Length && !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out scale))
        {
            await Console.Error.WriteLineAsync($"--seed-demo takes a whole scale such as 1 or 10, not '{args[index + 1]}'.");
            Environment.ExitCode = 2;
            return true;
        }

        if (scale is < 1 or > 100)
        {
            await Console.Error.WriteLineAsync("--seed-demo scale must be between 1 and 100.");
            Environment.ExitCode = 2;
            return true;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var initializer = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(seedDemo: false);
        var generator = scope.ServiceProvider.GetRequiredService<DemoForceGenerator>();
        var started = TimeProvider.System.GetTimestamp();
        var result = await generator.ReplaceAsync(scale);
        Console.WriteLine(FormattableString.Invariant(
            $"Demo force at scale {scale}: {result.Cases:N0} cases, {result.Incidents:N0} incidents, {result.People:N0} people in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s."));
        return true;
    }
}
