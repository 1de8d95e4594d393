using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace AsbOps.Domain.Cases;

/// <summary>A case reference such as <c>ASB-2026-004213</c>: the year it was opened and a per-year sequence.</summary>
public readonly record struct CaseReference(int Year, int Sequence)
{
    public const string Prefix = "ASB-";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Year:D4}-{Sequence:D6}");

    /// <summary>"ASB-2026-": every reference of the year starts so, and sorts by sequence (fixed width).</summary>
    public static string YearPrefix(int year) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year:D4}-");

    /// <summary>The reference after the highest one of the year so far (the first of the year when there is none).</summary>
    public static CaseReference NextAfter(int year, string? highestOfYear) =>
        TryParse(highestOfYear, out var highest) && highest.Year == year
            ? new CaseReference(year, highest.Sequence + 1)
            : new CaseReference(year, 1);

    public static bool TryParse([NotNullWhen(true)] string? text, out CaseReference reference)
    {
        reference = default;
        if (text is null)
        {
            return false;
        }

        var span = text.Trim().AsSpan();
        if (span.Length != 15 || !span.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || span[8] != '-')
        {
            return false;
        }

        if (!int.TryParse(span.Slice(4, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(span.Slice(9, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || year < 2000 || sequence < 1)
        {
            return false;
        }

        reference = new CaseReference(year, sequence);
        return true;
    }
}
