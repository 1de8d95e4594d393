using System.Globalization;

namespace AsbOps.Web.Features;

/// <summary>Stored UTC shown as UK local time, which is what officers and the control room work in.</summary>
public static class UkTime
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private static readonly TimeZoneInfo Zone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public static string Format(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("ddd d MMM yyyy HH:mm", British);

    public static string Format(DateTimeOffset at) => Format(at.UtcDateTime);
}
