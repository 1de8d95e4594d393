using System.Globalization;

namespace AsbOps.Domain.Incidents;

/// <summary>
/// The reference of an incident logged by an officer rather than the control room: <c>OFF-20261125-0007</c>, the
/// UK date it was logged and a per-day sequence, so it never collides with a STORM reference.
/// </summary>
public static class OfficerIncidentReference
{
    public const string Prefix = "OFF-";

    public static string DayPrefix(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{day:yyyyMMdd}-");

    public static string Format(DateOnly day, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{DayPrefix(day)}{sequence:D4}");

    /// <summary>The reference after the highest one logged that day (the day's first when there is none).</summary>
    public static string NextAfter(DateOnly day, string? highestOfDay)
    {
        var prefix = DayPrefix(day);
        var sequence = highestOfDay is not null
                       && highestOfDay.StartsWith(prefix, StringComparison.Ordinal)
                       && int.TryParse(highestOfDay.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var highest)
            ? highest + 1
            : 1;
        return Format(day, sequence);
    }
}
