using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Features.Cases;

/// <summary>An incident linked to the case, with the control room's THRIVE and the officer's VICTOR-E screening.</summary>
public sealed record CaseIncidentView(
    long Id,
    string StormRef,
    DateTime ReceivedAt,
    string Address,
    string Postcode,
    string Description,
    CaseThriveView Thrive,
    CaseScreeningView? Screening);

public sealed record CaseThriveView(
    string? Threat, string? Harm, string? Risk, string? Investigation, string? Vulnerability, string? Engagement, ThriveGrade Grade);

/// <summary>The VICTOR-E letters that applied and whether the incident should be case managed.</summary>
public sealed record CaseScreeningView(DateTime ScreenedAt, bool HarassmentAlarmDistress, string Letters, bool ShouldBeCaseManaged, string? Notes);
