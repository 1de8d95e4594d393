using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Features.Intake;

/// <summary>The filters and page of the incident list. Sorting by received time overrides the default order.</summary>
public sealed record IncidentListQuery(
    int? AreaId = null,
    IncidentScreeningState? State = null,
    AsbCategory? Category = null,
    string? Search = null,
    int Page = 0,
    int PageSize = 25,
    bool? NewestFirst = null);

/// <summary>One line of the incident list.</summary>
public sealed record IncidentRow(
    long Id,
    string StormRef,
    DateTime ReceivedAt,
    string AreaCode,
    AsbCategory Category,
    string Address,
    string Postcode,
    ThriveGrade Grade,
    IncidentScreeningState State,
    string? CaseRef);
