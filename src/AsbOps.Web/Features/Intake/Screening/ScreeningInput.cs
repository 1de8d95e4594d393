using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Features.Intake.Screening;

/// <summary>The screening form: HAD, the seven letters, notes, and which case a case-managed incident joins.</summary>
public sealed class ScreeningInput
{
    public const int NotesMaxLength = 2000;

    public bool HarassmentAlarmDistress { get; set; }
    public bool Vulnerable { get; set; }
    public bool Impact { get; set; }
    public bool CombinedApproach { get; set; }
    public bool Targeted { get; set; }
    public bool Ongoing { get; set; }
    public bool Risk { get; set; }
    public bool Hate { get; set; }

    public string? Notes { get; set; }

    /// <summary>The existing open case to link to; null opens a new case.</summary>
    public long? LinkToCaseId { get; set; }

    /// <summary>The domain's rule, applied to what is ticked now.</summary>
    public bool ShouldBeCaseManaged => ToScreening(0, "", default).ShouldBeCaseManaged;

    public bool Get(char letter) => letter switch
    {
        'V' => Vulnerable,
        'I' => Impact,
        'C' => CombinedApproach,
        'T' => Targeted,
        'O' => Ongoing,
        'R' => Risk,
        'E' => Hate,
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter, "Not a VICTOR-E letter."),
    };

    public void Set(char letter, bool applies)
    {
        switch (letter)
        {
            case 'V': Vulnerable = applies; break;
            case 'I': Impact = applies; break;
            case 'C': CombinedApproach = applies; break;
            case 'T': Targeted = applies; break;
            case 'O': Ongoing = applies; break;
            case 'R': Risk = applies; break;
            case 'E': Hate = applies; break;
            default: throw new ArgumentOutOfRangeException(nameof(letter), letter, "Not a VICTOR-E letter.");
        }
    }

    /// <summary>What is wrong with the notes, or null.</summary>
    public string? NotesError() => Notes?.Trim() switch
    {
        { Length: > NotesMaxLength } text => $"At most {NotesMaxLength} characters ({text.Length} given).",
        { } text when Api.IncidentRequestReader.HasForbiddenCharacters(text, multiline: true) =>
            "Control characters other than line breaks and tabs are not allowed.",
        _ => null,
    };

    public VictorEScreening ToScreening(long incidentId, string userId, DateTime at) => new()
    {
        IncidentId = incidentId,
        ScreenedAt = at,
        ScreenedByUserId = userId,
        HarassmentAlarmDistress = HarassmentAlarmDistress,
        Vulnerable = Vulnerable,
        Impact = Impact,
        CombinedApproach = CombinedApproach,
        Targeted = Targeted,
        Ongoing = Ongoing,
        Risk = Risk,
        Hate = Hate,
        Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
    };
}
