using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Incidents;

namespace AsbOps.Domain.CaseReviews;

/// <summary>Who made an application: the victim, or someone on their behalf (a relative, councillor, advocate).</summary>
public enum CaseReviewApplicant
{
    Victim,
    ThirdParty,
}

/// <summary>How an application reached the force.</summary>
public enum CaseReviewChannel
{
    Phone,
    Email,
    Letter,
    InPerson,
    OnlineForm,
    Partner,
}

/// <summary>
/// One application for an ASB Case Review (the community trigger), named apart from <c>Cases.CaseReview</c> (a
/// sergeant's periodic review of a case). It carries who applied and how, the reports relied on, and each step as it
/// happens: acknowledgement, the threshold decision, the review meeting, the outcome letter and an appeal. The clock
/// (<see cref="CaseReviewClock"/>) is worked out from those dates; <see cref="NextStepDueOn"/> stores its next due
/// date so that the dashboard and the reminders find running clocks by an index.
/// </summary>
public sealed class CaseReviewApplication
{
    public const int MaxText = 4000;
    public const int MaxName = 200;

    public long Id { get; set; }

    /// <summary>The force's reference, e.g. <c>CR-2026-0042</c>; unique.</summary>
    public required string Reference { get; set; }

    /// <summary>The applicant's (or the sending system's) own reference; unique when given, so an API repeat is recognised.</summary>
    public string? ApplicantReference { get; set; }

    /// <summary>Hash of the accepted API body, so the same body under the same reference is a repeat, not a conflict.</summary>
    public string? RequestHash { get; set; }

    public int AreaId { get; set; }

    /// <summary>The case the application is about, when AsbOps holds one.</summary>
    public long? CaseId { get; set; }

    public CaseReviewApplicant ApplicantKind { get; set; }

    public required string ApplicantName { get; set; }

    /// <summary>The victim, when a third party applies on their behalf.</summary>
    public string? OnBehalfOf { get; set; }

    public CaseReviewChannel ReceivedVia { get; set; }

    public DateTime ReceivedAt { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactAddress { get; set; }

    /// <summary>The kind of ASB complained of (the locality limb counts similar ASB only).</summary>
    public AsbCategory Category { get; set; }

    /// <summary>Where the behaviour happens: the locality limb counts reports in the same postcode sector (or near the reports relied on).</summary>
    public required string Postcode { get; set; }

    /// <summary>The applicant's account of the behaviour and of the reports they made.</summary>
    public required string Account { get; set; }

    /// <summary>Who runs the application and is reminded before each step is due.</summary>
    public string? OwnerUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedByUserId { get; set; }

    public DateOnly? AcknowledgedOn { get; set; }

    /// <summary>Staff override of the threshold check (null: the check stands), with a written reason.</summary>
    public bool? ThresholdOverride { get; set; }

    public string? OverrideReason { get; set; }

    public string? OverriddenByUserId { get; set; }

    public DateTime? OverriddenAt { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>The decision: whether the threshold is met (null until decided).</summary>
    public bool? ThresholdMet { get; set; }

    /// <summary>The reason given to the applicant with the decision.</summary>
    public string? DecisionReason { get; set; }

    public DateOnly? ReviewHeldOn { get; set; }

    /// <summary>The agencies present at the review meeting, one a line.</summary>
    public string? AgenciesPresent { get; set; }

    public string? ReviewSummary { get; set; }

    /// <summary>The outcome letter as sent (or as drafted, until <see cref="OutcomeToldOn"/>).</summary>
    public string? OutcomeLetter { get; set; }

    public DateOnly? OutcomeToldOn { get; set; }

    /// <summary>Who appealed (the applicant or someone for them).</summary>
    public string? AppealBy { get; set; }

    public DateOnly? AppealReceivedOn { get; set; }

    public string? AppealOutcome { get; set; }

    public DateOnly? AppealDecidedOn { get; set; }

    /// <summary>Stored due date of the first step not yet done; null when the clock has stopped. Kept by <see cref="RefreshClock"/>.</summary>
    public DateOnly? NextStepDueOn { get; set; }

    public int Version { get; set; }

    public List<CaseReviewReliedReport> ReliedOn { get; set; } = [];

    public List<CaseReviewRecommendation> Recommendations { get; set; } = [];

    public CaseReviewProgress Progress() => new(
        DateOnly.FromDateTime(ReceivedAt), AcknowledgedOn, DecidedOn, ThresholdMet, ReviewHeldOn, OutcomeToldOn);

    /// <summary>Works the stored next due date out again; call after every change of a step.</summary>
    public void RefreshClock(CaseReviewClock clock) => NextStepDueOn = clock.NextStep(Progress())?.DueOn;

    /// <summary>Where the application stands, in the order it moves.</summary>
    public CaseReviewStage Stage => this switch
    {
        { AppealReceivedOn: not null, AppealDecidedOn: null } => CaseReviewStage.UnderAppeal,
        { ThresholdMet: false } => CaseReviewStage.ThresholdNotMet,
        { OutcomeToldOn: not null } => CaseReviewStage.OutcomeSent,
        { ReviewHeldOn: not null } => CaseReviewStage.ReviewHeld,
        { ThresholdMet: true } => CaseReviewStage.AwaitingReview,
        { AcknowledgedOn: not null } => CaseReviewStage.AwaitingDecision,
        _ => CaseReviewStage.Received,
    };
}

public enum CaseReviewStage
{
    Received,
    AwaitingDecision,
    ThresholdNotMet,
    AwaitingReview,
    ReviewHeld,
    OutcomeSent,
    UnderAppeal,
}

/// <summary>A report (incident) the applicant relies on.</summary>
public sealed class CaseReviewReliedReport
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public long IncidentId { get; set; }

    /// <summary>
    /// When the behaviour this report describes happened, as the applicant or staff give it; null when not given, and
    /// then the report is taken as made at the time (the threshold's one-month rule cannot exclude it).
    /// </summary>
    public DateOnly? BehaviourOn { get; set; }
}

/// <summary>A recommendation of the review: an action on the case's action plan.</summary>
public sealed class CaseReviewRecommendation
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public long ActionItemId { get; set; }

    public ActionItem? ActionItem { get; set; }
}

/// <summary>What the lead officer did with the prompt to tell a repeat victim about the case review.</summary>
public enum CaseReviewPromptOutcome
{
    Told,
    Dismissed,
}

/// <summary>
/// The prompt raised when a victim reports a second time within the window: the lead officer tells them about the case
/// review, or dismisses the prompt with a reason. One row per case and triggering report.
/// </summary>
public sealed class CaseReviewPrompt
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    /// <summary>The second report that raised the prompt.</summary>
    public long IncidentId { get; set; }

    public CaseReviewPromptOutcome Outcome { get; set; }

    public string? Reason { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedByUserId { get; set; }
}
