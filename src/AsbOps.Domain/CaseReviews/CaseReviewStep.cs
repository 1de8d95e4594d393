namespace AsbOps.Domain.CaseReviews;

/// <summary>The clocked steps of a case review, in order.</summary>
public enum CaseReviewStep
{
    Acknowledge,
    Decide,
    HoldReview,
    TellOutcome,
}

/// <summary>Where a step stands on a given day.</summary>
public enum CaseReviewStepState
{
    Running,
    DueTomorrow,
    DueToday,
    Overdue,
    Done,
    DoneLate,
}

/// <summary>One step: when it is due and, once done, when it was done.</summary>
public sealed record CaseReviewStepDue(CaseReviewStep Step, DateOnly DueOn, DateOnly? DoneOn);

/// <summary>What has happened so far on an application; the clocks are worked out from it.</summary>
public sealed record CaseReviewProgress(
    DateOnly ReceivedOn,
    DateOnly? AcknowledgedOn = null,
    DateOnly? DecidedOn = null,
    bool? ThresholdMet = null,
    DateOnly? ReviewHeldOn = null,
    DateOnly? OutcomeToldOn = null);
