namespace AsbOps.Domain.CaseReviews;

/// <summary>
/// Counts working days in England and Wales: Monday to Friday except bank holidays. The statutory case review
/// clocks run in working days, so a step received on a Friday before a bank holiday Monday is due later than one
/// received on a Tuesday.
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays) => _holidays = [.. holidays];

    /// <summary>The published England and Wales bank holidays, plus any the force adds (e.g. a one-off royal occasion).</summary>
    public static WorkingDayCalendar EnglandAndWales(IEnumerable<DateOnly>? extraHolidays = null) =>
        new(EnglandAndWalesBankHolidays.All.Concat(extraHolidays ?? []));

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>
    /// The day <paramref name="workingDays"/> working days after <paramref name="start"/>: the start day itself is day
    /// zero whatever it is, so an application received on a Saturday counts Monday as its first working day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; zero when <paramref name="to"/> is not later.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The last working day before <paramref name="day"/> (when a reminder the day before a step is sent).</summary>
    public DateOnly PreviousWorkingDay(DateOnly day)
    {
        var previous = day.AddDays(-1);
        while (!IsWorkingDay(previous))
        {
            previous = previous.AddDays(-1);
        }

        return previous;
    }
}
