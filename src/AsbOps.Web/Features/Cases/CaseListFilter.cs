using System.Text.RegularExpressions;
using AsbOps.Domain.Areas;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// The case list's filters, validated: words from the URL become enum values, the search text becomes a reference
/// fragment, name tokens and (when it looks like one) a postcode in its canonical "OUT IN" form.
/// </summary>
public sealed partial record CaseListFilter(
    string? AreaCode,
    CaseStatus? Status,
    RiskLevel? Risk,
    AsbCategory? Category,
    PersonRole? Role,
    CaseSearch? Search)
{
    public const int MaxSearchLength = 100;

    /// <summary>Parses the query; on a value it does not know it returns the message to show instead of a filter.</summary>
    public static (CaseListFilter? Filter, string? Error) Parse(CaseListQuery query)
    {
        string? area = null;
        if (!string.IsNullOrWhiteSpace(query.Area))
        {
            area = query.Area.Trim().ToUpperInvariant();
            if (!Area.IsValidCode(area))
            {
                return (null, $"There is no area \"{query.Area.Trim()}\".");
            }
        }

        if (!TryWord<CaseStatus>(query.Status, out var status))
        {
            return (null, $"Unknown status \"{query.Status}\": use open, underreview or closed.");
        }

        if (!TryWord<RiskLevel>(query.Risk, out var risk))
        {
            return (null, $"Unknown risk level \"{query.Risk}\": use low, medium, high or notassessed.");
        }

        if (!TryWord<AsbCategory>(query.Category, out var category))
        {
            return (null, $"Unknown category \"{query.Category}\": use personal, nuisance or environmental.");
        }

        if (!TryWord<PersonRole>(query.Role, out var role))
        {
            return (null, $"Unknown role \"{query.Role}\": use victim, perpetrator, witness, reportingperson or other.");
        }

        var text = query.Q?.Trim();
        if (text is { Length: > MaxSearchLength })
        {
            return (null, $"Search for at most {MaxSearchLength} characters.");
        }

        var search = string.IsNullOrEmpty(text) ? null : CaseSearch.From(text);
        return (new CaseListFilter(area, status, risk, category, role, search), null);
    }

    /// <summary>The lower-case URL word of an enum value, e.g. <c>underreview</c>, <c>notassessed</c>.</summary>
    public static string Word<TEnum>(TEnum value) where TEnum : struct, Enum => value.ToString().ToLowerInvariant();

    private static bool TryWord<TEnum>(string? text, out TEnum? value) where TEnum : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var word = WordSeparators().Replace(text, "");
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), word, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex("[\\s_-]")]
    private static partial Regex WordSeparators();
}
