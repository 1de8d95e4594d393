namespace AsbOps.Domain.Incidents;

/// <summary>
/// The attending officer's VICTOR-E screening of one incident: harassment, alarm or distress, plus
/// Vulnerable, Impact, Combined approach, Targeted, Ongoing, Risk and hatE.
/// </summary>
public sealed class VictorEScreening
{
    public long Id { get; set; }

    public long IncidentId { get; set; }

    public DateTime ScreenedAt { get; set; }

    public required string ScreenedByUserId { get; set; }

    public bool HarassmentAlarmDistress { get; set; }
    public bool Vulnerable { get; set; }
    public bool Impact { get; set; }
    public bool CombinedApproach { get; set; }
    public bool Targeted { get; set; }
    public bool Ongoing { get; set; }
    public bool Risk { get; set; }
    public bool Hate { get; set; }

    public string? Notes { get; set; }

    /// <summary>The letters that apply, in VICTOR-E order, e.g. "V T E".</summary>
    public string Letters => string.Join(' ', new[]
    {
        Vulnerable ? "V" : null, Impact ? "I" : null, CombinedApproach ? "C" : null, Targeted ? "T" : null,
        Ongoing ? "O" : null, Risk ? "R" : null, Hate ? "E" : null,
    }.Where(l => l is not null));

    /// <summary>Case managed when harassment, alarm or distress was caused and at least one letter applies.</summary>
    public bool ShouldBeCaseManaged =>
        HarassmentAlarmDistress && (Vulnerable || Impact || CombinedApproach || Targeted || Ongoing || Risk || Hate);
}
