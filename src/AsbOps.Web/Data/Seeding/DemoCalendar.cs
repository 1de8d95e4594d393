namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// The demo year: it ends at today's UTC midnight (so the same day gives the same data) and ASB in it peaks on
/// summer evenings, as police demand does.
/// </summary>
internal sealed class DemoCalendar(DateTime today)
{
    public const int Days = 365;

    // Hour-of-day weights: quiet small hours, a rise after school, the peak in the evening.
    private static readonly double[] HourWeights =
    [
        0.5, 0.35, 0.25, 0.15, 0.1, 0.1, 0.15, 0.25, 0.35, 0.45, 0.5, 0.55,
        0.6, 0.6, 0.65, 0.8, 1.0, 1.15, 1.3, 1.4, 1.45, 1.35, 1.1, 0.8,
    ];

    private const double PeakWeight = 1.35 * 1.45;

    /// <summary>Today's UTC midnight: every generated time lies before it.</summary>
    public DateTime End { get; } = DateTime.SpecifyKind(today.Date, DateTimeKind.Utc);

    public DateTime Start => End.AddDays(-Days);

    public DateOnly Today => DateOnly.FromDateTime(End);

    /// <summary>A report time in [from, to), more likely in summer and in the evening.</summary>
    public DateTime ReportTime(Random rng, DateTime from, DateTime to)
    {
        var span = (to - from).TotalMinutes;
        if (span < 60)
        {
            return from.AddMinutes(rng.NextDouble() * Math.Max(span, 0));
        }

        while (true)
        {
            var at = from.AddMinutes(Math.Floor(rng.NextDouble() * span));
            if (rng.NextDouble() * PeakWeight < SeasonWeight(at) * HourWeights[at.Hour])
            {
                return at;
            }
        }
    }

    /// <summary>Whole days from <paramref name="at"/> to the end of the demo year.</summary>
    public double AgeInDays(DateTime at) => (End - at).TotalDays;

    /// <summary>Caps a time just before the end, so nothing lies in the future.</summary>
    public DateTime NotAfterEnd(DateTime at, Random rng) => at < End ? at : End.AddMinutes(-rng.Next(5, 120));

    private static double SeasonWeight(DateTime at) => 1.0 + (0.35 * Math.Cos(2 * Math.PI * (at.DayOfYear - 196) / 365.25));
}
