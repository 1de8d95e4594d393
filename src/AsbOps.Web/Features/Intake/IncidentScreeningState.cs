namespace AsbOps.Web.Features.Intake;

/// <summary>Where an incident stands with its VICTOR-E screening.</summary>
public enum IncidentScreeningState
{
    AwaitingScreening = 0,
    CaseManaged = 1,
    NotCaseManaged = 2,
}
