using System.Text.RegularExpressions;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// The free-text search of the case list, read three ways: a case reference fragment, the tokens of a name (each
/// must appear in <c>Person.SearchName</c>, "LAST FIRST"), and a UK postcode — full (with or without its space)
/// or only the outward part.
/// </summary>
public sealed partial record CaseSearch(string ReferenceFragment, IReadOnlyList<string> NameTokens, string? Postcode, string? PostcodeDistrict)
{
    private const int MaxNameTokens = 4;

    public static CaseSearch From(string text)
    {
        var upper = text.Trim().ToUpperInvariant();
        var tokens = upper
            .Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(MaxNameTokens)
            .ToList();

        string? postcode = null;
        string? district = null;
        var full = FullPostcode().Match(upper);
        if (full.Success)
        {
            postcode = $"{full.Groups[1].Value} {full.Groups[2].Value}";
        }
        else if (OutwardCode().IsMatch(upper))
        {
            district = upper;
        }

        return new CaseSearch(upper, tokens, postcode, district);
    }

    [GeneratedRegex("^([A-Z]{1,2}[0-9][A-Z0-9]?)\\s*([0-9][A-Z]{2})$")]
    private static partial Regex FullPostcode();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?$")]
    private static partial Regex OutwardCode();
}
