using AsbOps.Domain.Markers;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Cases;

/// <summary>A history marker of the case: active, or ended (kept as history).</summary>
public sealed record CaseMarkerView(
    MarkerSubjectType SubjectType,
    string Subject,
    string? Postcode,
    RiskLevel RiskLevel,
    DateTime PlacedAt,
    DateTime? EndedAt,
    string? EndReason);
