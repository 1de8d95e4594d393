namespace AsbOps.Web.Features.Intake.Api;

// The wire shapes of the incident API, as the OpenAPI document shows them. Requests are read field by field by
// IncidentRequestReader so that each problem is reported against its field; these records describe the contract.

public sealed record IncidentRequest(
    string StormRef,
    string ReceivedAt,
    string Category,
    string AreaCode,
    LocationRequest Location,
    string Description,
    ThriveRequest Thrive,
    ReporterRequest? Reporter);

public sealed record LocationRequest(string Address, string Postcode, double? Lat, double? Lon);

public sealed record ThriveRequest(
    string? Threat, string? Harm, string? Risk, string? Investigation, string? Vulnerability, string? Engagement, string Grade);

public sealed record ReporterRequest(string? Name, string? Phone);

public sealed record IncidentBatchRequest(IReadOnlyList<IncidentRequest> Incidents);

/// <summary>The answer to an accepted (201) or repeated (200) incident.</summary>
public sealed record IncidentResponse(long Id, string StormRef, string? CaseRef);

/// <summary>One item of a batch answer: <c>created</c>, <c>duplicate</c>, <c>conflict</c> or <c>invalid</c> (with errors).</summary>
public sealed record IncidentBatchItemResult(
    int Index,
    string? StormRef,
    string Status,
    long? Id,
    string? CaseRef,
    IReadOnlyDictionary<string, string[]>? Errors);

public sealed record IncidentBatchResponse(int Created, int Duplicates, int Conflicts, int Invalid, IReadOnlyList<IncidentBatchItemResult> Results);
