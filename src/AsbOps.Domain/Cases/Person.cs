namespace AsbOps.Domain.Cases;

/// <summary>A person known to AsbOps. One person can be on many cases, each time with a role.</summary>
public sealed class Person
{
    public long Id { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public string? Address { get; set; }

    public string? Postcode { get; set; }

    public string? Phone { get; set; }

    /// <summary>Upper-case "LAST FIRST" kept for indexed look-ups by name.</summary>
    public string SearchName { get; set; } = "";

    /// <summary>Flags set by hand on the person view, beside those drawn from assessments and cases.</summary>
    public bool Vulnerable { get; set; }

    public bool RepeatVictim { get; set; }

    public bool SafeguardingConcern { get; set; }

    /// <summary>Set when this record was merged into another record of the same person; its id then resolves to that one.</summary>
    public long? MergedIntoId { get; set; }

    public DateTime? MergedAt { get; set; }

    public int Version { get; set; }

    public string FullName => $"{FirstName} {LastName}";

    public static string ToSearchName(string firstName, string lastName) =>
        $"{lastName.Trim()} {firstName.Trim()}".ToUpperInvariant();
}
