using System.Globalization;

namespace AsbOps.Web.Features.Metrics;

/// <summary>Cuts a period of dates (inclusive) into calendar weeks (Monday first) or months, clipped to the period.</summary>
public static class TrendCalendar
{
    /// <summary>Most steps a trend has: about two years of weeks; longer periods are refused by the caller.</summary>
    public const int MaxPeriods = 120;

    public static IReadOnlyList<(DateOnly Start, DateOnly End, string Label)> Cut(DateOnly from, DateOnly to, TrendGrain grain)
    {
        var steps = new List<(DateOnly, DateOnly, string)>();
        var start = grain == TrendGrain.Month
            ? new DateOnly(from.Year, from.Month, 1)
            : from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        var last = to.AddDays(1);
        while (start < last)
        {
            var next = grain == TrendGrain.Month ? start.AddMonths(1) : start.AddDays(7);
            var label = grain == TrendGrain.Month
                ? start.ToString("MMM yyyy", CultureInfo.InvariantCulture)
                : "w/c " + start.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            steps.Add((start < from ? from : start, next > last ? last : next, label));
            start = next;
        }

        return steps;
    }

    /// <summary>The index of the step holding the moment, or -1 outside them all.</summary>
    public static int IndexOf(IReadOnlyList<TrendPeriod> periods, DateTime at)
    {
        var day = DateOnly.FromDateTime(at);
        for (var i = 0; i < periods.Count; i++)
        {
            if (day >= periods[i].Start && day < periods[i].End)
            {
                return i;
            }
        }

        return -1;
    }
}
