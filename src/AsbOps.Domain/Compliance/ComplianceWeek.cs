using System.Globalization;

namespace AsbOps.Domain.Compliance;

/// <summary>An ISO week (<c>2026-W09</c>) of the weekly compliance check, counted in UK local dates.</summary>
public readonly record struct ComplianceWeek(int Year, int Week)
{
    private static readonly TimeZoneInfo London =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public string Key => $"{Year:D4}-W{Week:D2}";

    /// <summary>Monday 00:00 UK time of the week, as UTC.</summary>
    public DateTime StartUtc => ToUtc(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    /// <summary>The next Monday 00:00 UK time, as UTC.</summary>
    public DateTime EndUtc => ToUtc(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday).AddDays(7));

    public ComplianceWeek Previous => Of(StartUtc.AddDays(-3));

    public static ComplianceWeek Of(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
        return new ComplianceWeek(ISOWeek.GetYear(local), ISOWeek.GetWeekOfYear(local));
    }

    /// <summary>Parses <c>YYYY-Www</c> (as sent by the week picker); false for anything else or a week that does not exist.</summary>
    public static bool TryParse(string? text, out ComplianceWeek week)
    {
        week = default;
        if (text is not { Length: 8 } || text[4] != '-' || char.ToUpperInvariant(text[5]) != 'W'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 2000 || year > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new ComplianceWeek(year, number);
        return true;
    }

    public override string ToString() => Key;

    private static DateTime ToUtc(DateTime localMidnight) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified), London);
}
