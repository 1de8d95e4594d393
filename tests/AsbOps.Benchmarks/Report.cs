using System.Globalization;

namespace AsbOps.Benchmarks;

/// <summary>Prints a result in the one-line format every AsbOps benchmark uses.</summary>
public static class Report
{
    public static void Line(string name, double value, string unit, double baseline, string baselineUnit)
    {
        var ratio = baseline == 0 ? double.NaN : value / baseline;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench {name}: {value:0.###} {unit} (baseline {baseline:0.###} {baselineUnit}, ratio {ratio:0.###})"));
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = p / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
