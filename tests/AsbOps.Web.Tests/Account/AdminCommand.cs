using System.Diagnostics;

namespace AsbOps.Web.Tests.Account;

/// <summary>
/// Runs the built app (<c>dotnet AsbOps.Web.dll --create-admin …</c>) as its own process in the Production environment
/// on a test's SQLite file and key ring, the way an operator runs it.
/// </summary>
public sealed class AdminCommand(string databasePath, string keysDirectory)
{
    public const string BaseUrl = "https://asbops.force.test";

    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public async Task<Run> RunAsync(params string[] args)
    {
        var workingDirectory = Path.GetDirectoryName(databasePath)!;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AsbOps.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__AsbOps"] = $"Data Source={databasePath}";
        start.Environment["App__BaseUrl"] = BaseUrl;
        start.Environment["DataProtection__KeysDirectory"] = keysDirectory;
        start.Environment["Email__PickupDirectory"] = Path.Combine(workingDirectory, "mail");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        return new Run(process.ExitCode, await output, await error);
    }
}
