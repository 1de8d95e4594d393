namespace AsbOps.Domain.Compliance;

/// <summary>The compliance rules of the product; rules 1–3 make up "cases missing a risk assessment".</summary>
public enum ComplianceRule
{
    VictimWithoutAssessment = 1,
    NoVictimNoLocationAssessment = 2,
    PerpetratorWithoutAssessment = 3,
    UnknownAnswer = 4,
    SafeguardingWithoutReferral = 5,
    HighRiskWithoutPlanOrMarker = 6,
    ReviewOverdue = 7,
}
