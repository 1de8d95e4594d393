namespace AsbOps.Domain.Places;

/// <summary>An address reduced for comparison: upper case, punctuation dropped, single spaces ("3, Test St." = "3 TEST ST").</summary>
public static class AddressKey
{
    public static string Of(string? address) =>
        string.Join(' ', new string((address ?? "").Select(c => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
