namespace AsbOps.Domain.Incidents;

/// <summary>
/// When incidents count as a repeat: a person or address in <see cref="Count"/> or more incidents within
/// <see cref="WindowDays"/> days suggests a repeat victim, and the same problem (a case's linked incidents) reported
/// that often within the window meets the ASB Case Review (community trigger) threshold. Defaults: 3 in 6 months.
/// </summary>
public sealed record RepeatThresholds
{
    public const string Section = "RepeatThresholds";

    /// <summary>How many incidents, the one in hand included, make a repeat.</summary>
    public int Count { get; init; } = 3;

    /// <summary>Six months, taken as 183 days so the edge does not move with the length of the months.</summary>
    public int WindowDays { get; init; } = 183;

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    /// <summary>The earliest time that still counts with an incident received at <paramref name="at"/> (inclusive).</summary>
    public DateTime WindowStart(DateTime at) => at - Window;

    /// <summary>True when <paramref name="earlier"/> is at most the window before <paramref name="at"/> and not after it.</summary>
    public bool IsWithinWindow(DateTime earlier, DateTime at) => earlier >= WindowStart(at) && earlier <= at;

    /// <summary>
    /// A person or address is a repeat when the incident at <paramref name="at"/> and the earlier incidents within the
    /// window reach <see cref="Count"/>. Later incidents and those before the window do not count.
    /// </summary>
    public bool IsRepeat(DateTime at, IEnumerable<DateTime> otherIncidents) =>
        1 + otherIncidents.Count(t => IsWithinWindow(t, at)) >= Count;

    /// <summary>
    /// The same problem was reported <see cref="Count"/> times within one window that contains the incident just
    /// linked (<paramref name="linkedAt"/>); <paramref name="caseIncidents"/> are all the case's incidents, that one included.
    /// </summary>
    public bool MeetsCaseReviewThreshold(DateTime linkedAt, IEnumerable<DateTime> caseIncidents)
    {
        var times = caseIncidents.Order().ToArray();
        for (var first = 0; first < times.Length; first++)
        {
            var end = times[first] + Window;
            if (times[first] > linkedAt || end < linkedAt)
            {
                continue;
            }

            if (times.Skip(first).TakeWhile(t => t <= end).Count() >= Count)
            {
                return true;
            }
        }

        return false;
    }
}
