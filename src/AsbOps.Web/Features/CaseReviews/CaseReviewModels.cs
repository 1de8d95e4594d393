using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>The list's filters: area, stage, whether the clock is overdue, free text (reference, applicant, case).</summary>
public sealed record CaseReviewFilter(int? AreaId = null, CaseReviewStage? Stage = null, bool OverdueOnly = false, string? Text = null);

public sealed record CaseReviewListRow(
    string Reference,
    string AreaCode,
    string? CaseRef,
    string ApplicantName,
    CaseReviewApplicant ApplicantKind,
    DateTime ReceivedAt,
    CaseReviewStage Stage,
    CaseReviewStep? NextStep,
    DateOnly? NextDueOn,
    CaseReviewStepState? NextState);

public sealed record AreaOption(int Id, string Code, string Name);

public sealed record OwnerOption(string UserId, string Name);

/// <summary>One step of the clock as the page shows it.</summary>
public sealed record StepView(CaseReviewStep Step, DateOnly DueOn, DateOnly? DoneOn, CaseReviewStepState State, DateOnly ReminderOn);

/// <summary>A report the threshold check looked at, with whether (and why) it counted.</summary>
public sealed record ThresholdReportView(
    long IncidentId, string Reference, DateTime ReportedAt, string? CaseRef, string Postcode, AsbCategory Category, bool ReliedOn,
    bool CountsForMatter, bool CountsForLocality, string Explanation)
{
    /// <summary>When the behaviour happened, as given for a report relied on (null: taken as when it was reported).</summary>
    public DateOnly? BehaviourOn { get; init; }
}

public sealed record ThresholdView(
    bool SameMatterMet, int SameMatterCount, int SameMatterNeeded, bool LocalityMet, int IndividualsCount, int IndividualsNeeded,
    DateTime WindowStart, bool CheckMet, bool? Override, string? OverrideReason, string? OverriddenBy, DateTime? OverriddenAt,
    IReadOnlyList<ThresholdReportView> Reports)
{
    /// <summary>What the threshold stands at: the staff override when there is one, the check otherwise.</summary>
    public bool Met => Override ?? CheckMet;

    /// <summary>In words, what counted as "the same locality" for this application.</summary>
    public string LocalityRule { get; init; } = "";
}

public sealed record RecommendationView(long ActionItemId, string Description, string OwnerName, DateOnly DueDate, ActionStatus Status, ActionType Type);

public sealed class CaseReviewDetail
{
    public required long Id { get; init; }
    public required string Reference { get; init; }
    public required int Version { get; init; }
    public required string AreaCode { get; init; }
    public required string AreaName { get; init; }
    public string? CaseRef { get; init; }
    public string? ApplicantReference { get; init; }
    public required CaseReviewApplicant ApplicantKind { get; init; }
    public required string ApplicantName { get; init; }
    public string? OnBehalfOf { get; init; }
    public required CaseReviewChannel ReceivedVia { get; init; }
    public required DateTime ReceivedAt { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactAddress { get; init; }
    public required AsbCategory Category { get; init; }
    public required string Postcode { get; init; }
    public required string Account { get; init; }
    public string? OwnerName { get; init; }
    public required CaseReviewStage Stage { get; init; }
    public DateOnly? AcknowledgedOn { get; init; }
    public DateOnly? DecidedOn { get; init; }
    public bool? ThresholdMet { get; init; }
    public string? DecisionReason { get; init; }
    public DateOnly? ReviewHeldOn { get; init; }
    public string? AgenciesPresent { get; init; }
    public string? ReviewSummary { get; init; }
    public string? OutcomeLetter { get; init; }
    public DateOnly? OutcomeToldOn { get; init; }
    public string? AppealBy { get; init; }
    public DateOnly? AppealReceivedOn { get; init; }
    public string? AppealOutcome { get; init; }
    public DateOnly? AppealDecidedOn { get; init; }
    public required ThresholdView Threshold { get; init; }
    public required IReadOnlyList<StepView> Steps { get; init; }
    public required IReadOnlyList<RecommendationView> Recommendations { get; init; }
    public required IReadOnlyList<OwnerOption> Owners { get; init; }

    /// <summary>The outcome letter to edit: the saved draft, or the template filled from the application and its case.</summary>
    public required string LetterDraft { get; init; }

    public required bool CanEdit { get; init; }

    /// <summary>Override the threshold and decide: the area's sergeant or inspector, or an admin.</summary>
    public required bool CanDecide { get; init; }
}

/// <summary>The four figures a force publishes each year, for a date range (both ends included).</summary>
public sealed record CaseReviewStatistics(int Applications, int ThresholdNotMet, int ReviewsCarriedOut, int ReviewsWithRecommendations);
