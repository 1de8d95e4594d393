using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Features.Intake.Api;

/// <summary>A control-room incident that passed validation, normalised (UTC time, trimmed text, upper-case codes).</summary>
public sealed record IncidentSubmission(
    string StormRef,
    DateTime ReceivedAt,
    AsbCategory Category,
    string AreaCode,
    string Address,
    string Postcode,
    double? Latitude,
    double? Longitude,
    string Description,
    ThriveSubmission Thrive,
    string? ReporterName,
    string? ReporterPhone);

public sealed record ThriveSubmission(
    string? Threat,
    string? Harm,
    string? Risk,
    string? Investigation,
    string? Vulnerability,
    string? Engagement,
    ThriveGrade Grade);
