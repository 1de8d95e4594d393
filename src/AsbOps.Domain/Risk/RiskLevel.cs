namespace AsbOps.Domain.Risk;

/// <summary>Ordered so that a higher value is a higher risk; NotAssessed sorts below low.</summary>
public enum RiskLevel
{
    NotAssessed = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}
