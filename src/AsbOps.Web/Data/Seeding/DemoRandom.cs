namespace AsbOps.Web.Data.Seeding;

/// <summary>Small helpers over <see cref="Random"/> so the builders read as intent, not arithmetic.</summary>
internal static class DemoRandom
{
    public static bool Chance(this Random rng, double probability) => rng.NextDouble() < probability;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public static int PickWeighted(this Random rng, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var roll = rng.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>A normal variate (Box–Muller), for noise around a target.</summary>
    public static double NextGaussian(this Random rng, double mean = 0, double sd = 1)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return mean + (sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Sin(2.0 * Math.PI * u2));
    }

    /// <summary>A Guid drawn from the seeded generator: identifiers repeat with the seed, unlike Guid.NewGuid.</summary>
    public static Guid NextGuid(this Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public static DateTime Minutes(this DateTime at, Random rng, int min, int max) => at.AddMinutes(rng.Next(min, max + 1));
}
