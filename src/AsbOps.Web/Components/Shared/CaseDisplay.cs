using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using MudBlazor;

namespace AsbOps.Web.Components.Shared;

/// <summary>
/// How case values read on screen: level and enum words, agency names, dates in UK local time (through
/// <see cref="UkTime"/>), and the colour of each risk level.
/// </summary>
public static class CaseDisplay
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string LevelWord(RiskLevel level) => level switch
    {
        RiskLevel.NotAssessed => "Not assessed",
        _ => level.ToString(),
    };

    /// <summary>
    /// The lower-case word used in URLs, query strings and <c>data-risk</c>: low, medium, high, notassessed; victim,
    /// perpetrator, witness.
    /// </summary>
    public static string Key(RiskLevel level) => level.ToString().ToLowerInvariant();

    /// <inheritdoc cref="Key(RiskLevel)"/>
    public static string Key(PersonRole role) => role.ToString().ToLowerInvariant();

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

    private static DateTime Local(DateTime utc) => UkTime.ToLocal(utc);
}
