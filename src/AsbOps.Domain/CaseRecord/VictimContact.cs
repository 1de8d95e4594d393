namespace AsbOps.Domain.CaseRecord;

/// <summary>One contact with a victim on a case: when, how, by whom, the outcome, and when the next one is due.</summary>
public sealed class VictimContact
{
    public const int MaxOutcome = 2000;

    public long Id { get; set; }

    public long CaseId { get; set; }

    public long CaseParticipantId { get; set; }

    public DateTime ContactedAt { get; set; }

    public ContactMethod Method { get; set; }

    public string? ByUserId { get; set; }

    public required string ByName { get; set; }

    public required string Outcome { get; set; }

    public DateTime NextContactDue { get; set; }
}
