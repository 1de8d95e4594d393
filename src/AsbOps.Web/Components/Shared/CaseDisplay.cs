using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using MudBlazor;

namespace AsbOps.Web.Components.Shared;

/// <summary>How case values read on screen: UK local times, level words, and the colour of each risk level.</summary>
public static class CaseDisplay
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = FindUkTime();

    public static string LevelWord(RiskLevel level) => level switch
    {
        RiskLevel.NotAssessed => "Not assessed",
        _ => level.ToString(),
    };

    /// <summary>The lower-case word used in URLs and <c>data-risk</c>: low, medium, high, notassessed.</summary>
    public static string LevelKey(RiskLevel level) => level.ToString().ToLowerInvariant();

    public static string RoleKey(PersonRole role) => role.ToString().ToLowerInvariant();

    public static Color LevelColor(RiskLevel level) => level switch
    {
        RiskLevel.High => Color.Error,
        RiskLevel.Medium => Color.Warning,
        RiskLevel.Low => Color.Success,
        _ => Color.Default,
    };

    /// <summary>Splits PascalCase enum names into words: UnderReview → "Under review".</summary>
    public static string Words<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        var words = string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : ch.ToString()));
        return words;
    }

    /// <summary>A partner agency as people write it: "Children's social care", "Youth justice".</summary>
    public static string AgencyName(Agency agency) => agency switch
    {
        Agency.ChildrensSocialCare => "Children's social care",
        _ => Words(agency),
    };

    public static string Date(DateTime utc) => Local(utc).ToString("d MMM yyyy", UkCulture);

    public static string DateAndTime(DateTime utc) => Local(utc).ToString("d MMM yyyy HH:mm", UkCulture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", UkCulture);

    private static DateTime Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);

    private static TimeZoneInfo FindUkTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // A container without time-zone data shows UTC rather than failing.
            return TimeZoneInfo.Utc;
        }
    }
}
