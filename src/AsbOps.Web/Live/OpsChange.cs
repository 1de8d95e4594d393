namespace AsbOps.Web.Live;

/// <summary>What changed, committed: the dashboard, wallboards and hub clients react to these.</summary>
public enum OpsChangeKind
{
    IncidentReceived = 1,
    IncidentScreened = 2,
    CaseChanged = 3,
    AssessmentSaved = 4,
    HighRiskRaised = 5,
    ComplianceSwept = 6,

    /// <summary>An administrator added, renamed, retired or reopened an area: cached area lists reload.</summary>
    AreasChanged = 7,
}

/// <summary>One committed change; <see cref="AreaCode"/> lets subscribers of one area ignore the rest.</summary>
public sealed record OpsChange(OpsChangeKind Kind, string? AreaCode, string? CaseRef = null, DateTime? At = null);
