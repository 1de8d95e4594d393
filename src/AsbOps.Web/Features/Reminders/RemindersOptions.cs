using AsbOps.Domain.Reminders;

namespace AsbOps.Web.Features.Reminders;

/// <summary>Section <c>Reminders</c>: the unknown-answer schedule (days after creation, then every N days).</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    // An array, not a list: configuration replaces an array instead of appending to its defaults.
    public int[] Days { get; set; } = [4, 7, 10, 14];

    public int RepeatEveryDays { get; set; } = 7;

    public ReminderSchedule ToSchedule() => new(Days, RepeatEveryDays);
}
