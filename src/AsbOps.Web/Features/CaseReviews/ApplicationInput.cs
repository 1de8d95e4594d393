using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>An application as logged by staff on the form, or as read from the API (which also gives its own reference).</summary>
public sealed class ApplicationInput
{
    public int? AreaId { get; set; }

    /// <summary>The case the application is about, when known (e.g. <c>ASB-2026-000123</c>).</summary>
    public string? CaseRef { get; set; }

    /// <summary>The applicant's (or sending system's) reference; the API requires it and repeats are recognised by it.</summary>
    public string? ApplicantReference { get; set; }

    public CaseReviewApplicant? ApplicantKind { get; set; }

    public string? ApplicantName { get; set; }

    public string? OnBehalfOf { get; set; }

    public CaseReviewChannel? ReceivedVia { get; set; }

    /// <summary>When it was received (UTC).</summary>
    public DateTime? ReceivedAt { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactAddress { get; set; }

    public AsbCategory? Category { get; set; }

    public string? Postcode { get; set; }

    public string? Account { get; set; }

    /// <summary>The incident references the applicant relies on, separated by commas, spaces or new lines.</summary>
    public string? Reports { get; set; }

    public IReadOnlyList<string> ReportRefs() =>
        (Reports ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
