using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Cases;

/// <summary>A person on the case in one role, with the risk level of their latest assessment.</summary>
public sealed record CasePersonView(
    long ParticipantId,
    string Name,
    PersonRole Role,
    RiskLevel RiskLevel,
    DateOnly? DateOfBirth,
    string? Address,
    string? Postcode,
    DateTime AddedAt,
    bool RequiresAssessment)
{
    /// <summary>The person record, for the link to the person view.</summary>
    public long PersonId { get; init; }

    public bool Vulnerable { get; init; }

    public bool RepeatVictim { get; init; }

    public bool SafeguardingConcern { get; init; }
}
