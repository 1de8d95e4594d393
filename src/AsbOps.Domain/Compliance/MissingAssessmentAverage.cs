namespace AsbOps.Domain.Compliance;

/// <summary>One reading of the headline: how many open cases were missing a risk assessment from this moment on.</summary>
public readonly record struct MissingReading(DateTime At, int Missing);

/// <summary>A week's time-weighted average, null where no reading covers any of the week.</summary>
public readonly record struct WeeklyMissingAverage(ComplianceWeek Week, double? Average);

/// <summary>
/// The force's own figure, as the practice example states its 12.4: the number of open cases missing a risk
/// assessment on average at any time over a period. Each sweep's reading holds until the next one (a step
/// function), so the average weights each reading by how long it stood; time before the first reading is left out.
/// </summary>
public static class MissingAssessmentAverage
{
    /// <summary>The practice example: about 12.4 cases lacked an assessment at any time once the weekly checks ran.</summary>
    public const double PracticeExampleAverage = 12.4;

    /// <summary>The practice example's year before: 358 of its 4,382 cases had no risk assessment.</summary>
    public const int PracticeExampleCasesWithout = 358;

    public const int PracticeExampleCases = 4382;

    /// <summary>The time-weighted average over [<paramref name="from"/>, <paramref name="to"/>), or null when no reading covers it.</summary>
    public static double? Over(IReadOnlyList<MissingReading> readings, DateTime from, DateTime to)
    {
        if (to <= from)
        {
            return null;
        }

        var ordered = readings.OrderBy(r => r.At).ToList();
        double weighted = 0;
        double covered = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            var start = ordered[i].At < from ? from : ordered[i].At;
            var next = i + 1 < ordered.Count ? ordered[i + 1].At : to;
            var end = next > to ? to : next;
            if (end <= start)
            {
                continue;
            }

            var seconds = (end - start).TotalSeconds;
            weighted += ordered[i].Missing * seconds;
            covered += seconds;
        }

        return covered > 0 ? weighted / covered : null;
    }

    /// <summary>Each ISO week from the one holding <paramref name="from"/> to the one holding the moment before <paramref name="to"/>.</summary>
    public static IReadOnlyList<WeeklyMissingAverage> Weekly(IReadOnlyList<MissingReading> readings, DateTime from, DateTime to)
    {
        var weeks = new List<WeeklyMissingAverage>();
        for (var week = ComplianceWeek.Of(from); week.StartUtc < to; week = ComplianceWeek.Of(week.EndUtc))
        {
            var start = week.StartUtc < from ? from : week.StartUtc;
            var end = week.EndUtc > to ? to : week.EndUtc;
            weeks.Add(new WeeklyMissingAverage(week, Over(readings, start, end)));
        }

        return weeks;
    }
}
