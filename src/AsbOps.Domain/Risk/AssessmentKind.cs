namespace AsbOps.Domain.Risk;

/// <summary>Which risk matrix an assessment uses.</summary>
public enum AssessmentKind
{
    Victim = 1,
    Perpetrator = 2,
    Location = 3,
}
