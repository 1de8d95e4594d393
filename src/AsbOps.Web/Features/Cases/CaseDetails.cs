using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Cases;

/// <summary>Everything the read-only case page shows, gathered for one user (partners get no internal detail).</summary>
public sealed record CaseDetails
{
    public required long Id { get; init; }
    public required string Reference { get; init; }
    public required string AreaCode { get; init; }
    public required string AreaName { get; init; }
    public AsbCategory Category { get; init; }
    public CaseStatus Status { get; init; }
    public ClosureReason? ClosureReason { get; init; }
    public DateTime OpenedAt { get; init; }
    public DateTime? ClosedAt { get; init; }
    public string? LeadOfficerName { get; init; }
    public RiskLevel RiskLevel { get; init; }
    public DateTime? HighRiskSince { get; init; }
    public DateTime? LastReviewedAt { get; init; }
    public DateTime? NextReviewDue { get; init; }

    /// <summary>An open case whose next review date has passed.</summary>
    public bool ReviewOverdue { get; init; }

    public bool CommunityTrigger { get; init; }
    public required string Address { get; init; }
    public required string Postcode { get; init; }
    public required string Summary { get; init; }

    /// <summary>False for partner users: reminders to officers are internal to the force.</summary>
    public bool ShowsInternalDetail { get; init; }

    public IReadOnlyList<CaseIncidentView> Incidents { get; init; } = [];
    public IReadOnlyList<CasePersonView> People { get; init; } = [];
    public IReadOnlyList<CaseAssessmentView> CurrentAssessments { get; init; } = [];
    public IReadOnlyList<CaseAssessmentView> SupersededAssessments { get; init; } = [];
    public CaseActionPlanView? ActionPlan { get; init; }
    public IReadOnlyList<CaseReferralView> Referrals { get; init; } = [];
    public IReadOnlyList<CaseMarkerView> ActiveMarkers { get; init; } = [];
    public IReadOnlyList<CaseMarkerView> EndedMarkers { get; init; } = [];
    public IReadOnlyList<CaseReminderView> Reminders { get; init; } = [];

    /// <summary>Open cases in the same area that may be the same problem (internal users only).</summary>
    public IReadOnlyList<CaseDuplicateView> PossibleDuplicates { get; init; } = [];
}
