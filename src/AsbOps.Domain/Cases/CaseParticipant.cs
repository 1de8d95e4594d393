using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Cases;

/// <summary>A person on a case with a role, and their current risk level (from their latest assessment).</summary>
public sealed class CaseParticipant
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public AsbCase? Case { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }

    public PersonRole Role { get; set; }

    public DateTime AddedAt { get; set; }

    /// <summary>Their latest assessment's effective level; <see cref="RiskLevel.NotAssessed"/> until one is complete.</summary>
    public RiskLevel RiskLevel { get; set; } = RiskLevel.NotAssessed;

    public int Version { get; set; }

    /// <summary>Victims and perpetrators must be assessed; witnesses and others may be.</summary>
    public bool RequiresAssessment => Role is PersonRole.Victim or PersonRole.Perpetrator;
}
