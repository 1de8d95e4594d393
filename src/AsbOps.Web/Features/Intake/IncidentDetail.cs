using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Features.Intake;

/// <summary>Everything the read-only incident page shows.</summary>
public sealed record IncidentDetail(
    long Id,
    string StormRef,
    IncidentSource Source,
    DateTime ReceivedAt,
    string AreaCode,
    string AreaName,
    AsbCategory Category,
    string Address,
    string Postcode,
    double? Latitude,
    double? Longitude,
    string Description,
    string? ReporterName,
    string? ReporterPhone,
    ThriveView Thrive,
    ScreeningView? Screening,
    string? CaseRef);

/// <summary>The control room's THRIVE notes, in THRIVE order, and its grade.</summary>
public sealed record ThriveView(IReadOnlyList<ThriveNote> Notes, ThriveGrade Grade);

public sealed record ThriveNote(string Element, string? Note);

/// <summary>A completed VICTOR-E screening with each letter's answer and the resulting decision.</summary>
public sealed record ScreeningView(
    DateTime ScreenedAt,
    string ScreenedBy,
    bool HarassmentAlarmDistress,
    IReadOnlyList<ScreenedLetter> Letters,
    bool ShouldBeCaseManaged,
    string? Notes);

public sealed record ScreenedLetter(VictorELetter Letter, bool Applies);
