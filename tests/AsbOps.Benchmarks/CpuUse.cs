using System.Diagnostics;
using System.Globalization;

namespace AsbOps.Benchmarks;

/// <summary>
/// CPU spent over a stretch of a benchmark: by this process (app, Kestrel and load generator together) and, on Linux,
/// by the local PostgreSQL server's processes (read from <c>/proc</c>, summed over every process named <c>postgres</c>),
/// so a phase can say where its time went per item.
/// </summary>
internal readonly record struct CpuUse(TimeSpan Process, TimeSpan Postgres)
{
    public static CpuUse Now() => new(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, PostgresTotal());

    /// <summary>"process X ms, PostgreSQL Y ms per item" since <paramref name="start"/>.</summary>
    public static string PerItem(CpuUse start, int items)
    {
        var now = Now();
        return string.Create(CultureInfo.InvariantCulture,
            $"process CPU {(now.Process - start.Process).TotalMilliseconds / items:0.00} ms, PostgreSQL server CPU {(now.Postgres - start.Postgres).TotalMilliseconds / items:0.00} ms");
    }

    private static TimeSpan PostgresTotal()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out _) || File.ReadAllText(Path.Combine(dir, "comm")).Trim() != "postgres")
                {
                    continue;
                }

                // Fields after the command name (in parentheses): utime and stime are the 12th and 13th of them.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        // Linux reports these in clock ticks of 1/100 s.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}

/// <summary>
/// What the JIT compiled over a stretch of a benchmark (this process): with tiered PGO, hot methods are compiled again
/// well after start-up, and a stretch measured while that goes on measures the compiler too.
/// </summary>
internal readonly record struct JitWork(long Methods, TimeSpan Time)
{
    public static JitWork Now() => new(System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());

    /// <summary>"JIT N methods in X ms" since this reading.</summary>
    public string Since()
    {
        var now = Now();
        return string.Create(CultureInfo.InvariantCulture, $"JIT {now.Methods - Methods} methods in {(now.Time - Time).TotalMilliseconds:0} ms");
    }
}
