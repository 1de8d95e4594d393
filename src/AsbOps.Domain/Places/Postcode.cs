using System.Text.RegularExpressions;

namespace AsbOps.Domain.Places;

/// <summary>UK postcodes as the product stores and compares them: upper case, one space before the inward code.</summary>
public static partial class Postcode
{
    /// <summary>"le111aa" → "LE11 1AA"; null when the text is not a UK postcode.</summary>
    public static string? Normalise(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return Pattern().IsMatch(compact) ? $"{compact[..^3]} {compact[^3..]}" : null;
    }

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex Pattern();
}
