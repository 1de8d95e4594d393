namespace AsbOps.Domain.Incidents;

/// <summary>The national incident recording categories for ASB.</summary>
public enum AsbCategory
{
    Personal = 1,
    Nuisance = 2,
    Environmental = 3,
}
