namespace AsbOps.Domain.Reminders;

/// <summary>
/// The unknown-answer schedule: the configured days after creation (4, 7, 10, 14 by default), then every
/// <see cref="RepeatEveryDays"/> days after the last of them.
/// </summary>
public sealed class ReminderSchedule
{
    public static ReminderSchedule Default { get; } = new([4, 7, 10, 14], 7);

    public ReminderSchedule(IReadOnlyList<int> days, int repeatEveryDays)
    {
        if (days.Count == 0 || days.Any(d => d <= 0) || days.Zip(days.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException("Reminder days must be positive and increasing.", nameof(days));
        }

        if (repeatEveryDays <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(repeatEveryDays), "The repeat interval must be positive.");
        }

        Days = days;
        RepeatEveryDays = repeatEveryDays;
    }

    public IReadOnlyList<int> Days { get; }

    public int RepeatEveryDays { get; }

    /// <summary>The latest step (in days since creation) that is due at <paramref name="now"/>, or null if none yet.</summary>
    public int? LatestDueStep(DateTime createdAt, DateTime now)
    {
        var elapsedDays = (int)Math.Floor((now - createdAt).TotalDays);
        if (elapsedDays < Days[0])
        {
            return null;
        }

        var last = Days[^1];
        if (elapsedDays < last)
        {
            return Days.Last(d => d <= elapsedDays);
        }

        return last + ((elapsedDays - last) / RepeatEveryDays * RepeatEveryDays);
    }

    /// <summary>The step after <paramref name="step"/>.</summary>
    public int NextStep(int step)
    {
        var next = Days.FirstOrDefault(d => d > step);
        return next != 0 ? next : Math.Max(step, Days[^1]) + RepeatEveryDays;
    }
}
