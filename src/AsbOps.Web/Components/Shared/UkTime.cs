using System.Globalization;

namespace AsbOps.Web.Components.Shared;

/// <summary>Stored UTC shown as UK local time, which is what officers and the control room work in.</summary>
public static class UkTime
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    // A container without time-zone data shows UTC rather than failing.
    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("ddd d MMM yyyy HH:mm", British);

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>False for a wall-clock time skipped when the clocks go forward.</summary>
    public static bool IsValidLocal(DateTime ukLocal) => !Zone.IsInvalidTime(DateTime.SpecifyKind(ukLocal, DateTimeKind.Unspecified));

    public static DateTime ToUtc(DateTime ukLocal) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(ukLocal, DateTimeKind.Unspecified), Zone);

    public static DateOnly Today(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public static string Format(DateTimeOffset at) => Format(at.UtcDateTime);
}
