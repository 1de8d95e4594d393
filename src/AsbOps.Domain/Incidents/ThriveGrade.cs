namespace AsbOps.Domain.Incidents;

/// <summary>The control room's response grade attached to a THRIVE assessment.</summary>
public enum ThriveGrade
{
    Emergency = 1,
    Priority = 2,
    Scheduled = 3,
    Resolution = 4,
}
