namespace AsbOps.Benchmarks;

/// <summary>
/// Measured ratios against baselines taken in the same run; see README.md beside this file.
/// <c>dotnet run -c Release --project tests/AsbOps.Benchmarks -- --list | NAME [NAME …] | all</c>
/// </summary>
public static class BenchmarkProgram
{
    public static Task<int> Main(string[] args) =>
        args.Length > 0 && args[0] == Circuits.ProtocolClientProcess.Mode ? Circuits.ProtocolClientProcess.RunAsync(args) : BenchmarkCatalog.RunAsync(args);
}
