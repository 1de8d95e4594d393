using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Cases;

/// <summary>One row of the case list.</summary>
public sealed record CaseListRow(
    string Reference,
    string AreaCode,
    AsbCategory Category,
    CaseStatus Status,
    RiskLevel RiskLevel,
    string? LeadOfficerName,
    DateTime OpenedAt,
    int PeopleCount,
    IReadOnlyList<string> PeopleShown,
    string Postcode);

/// <summary>
/// A page of the case list, the total that matches, and a message when the filters could not be used. When
/// <paramref name="TotalIsLowerBound"/> is set, counting stopped: more than <c>TotalCount - 1</c> cases match.
/// </summary>
public sealed record CaseListResult(IReadOnlyList<CaseListRow> Rows, int TotalCount, string? Message = null, bool TotalIsLowerBound = false)
{
    public static CaseListResult Empty(string? message = null) => new([], 0, message);
}
