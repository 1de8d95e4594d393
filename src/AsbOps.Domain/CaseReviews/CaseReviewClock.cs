namespace AsbOps.Domain.CaseReviews;

/// <summary>
/// The due date of every step of an application. Acknowledging and deciding run from receipt; the review runs from
/// the decision (or, before it, from the day the decision is due) and telling the outcome from the review. When the
/// threshold is not met there is no review: the applicant is told the reason with the decision.
/// </summary>
public sealed class CaseReviewClock(CaseReviewSettings settings)
{
    private readonly WorkingDayCalendar _calendar = settings.Calendar();

    public WorkingDayCalendar Calendar => _calendar;

    public IReadOnlyList<CaseReviewStepDue> Steps(CaseReviewProgress progress)
    {
        var acknowledge = _calendar.AddWorkingDays(progress.ReceivedOn, settings.AcknowledgeWorkingDays);
        var decide = _calendar.AddWorkingDays(progress.ReceivedOn, settings.DecideWorkingDays);
        var steps = new List<CaseReviewStepDue>
        {
            new(CaseReviewStep.Acknowledge, acknowledge, progress.AcknowledgedOn),
            new(CaseReviewStep.Decide, decide, progress.DecidedOn),
        };
        if (progress.ThresholdMet == false)
        {
            return steps;
        }

        var review = _calendar.AddWorkingDays(progress.DecidedOn ?? decide, settings.ReviewWorkingDays);
        var outcome = _calendar.AddWorkingDays(progress.ReviewHeldOn ?? review, settings.OutcomeWorkingDays);
        steps.Add(new(CaseReviewStep.HoldReview, review, progress.ReviewHeldOn));
        steps.Add(new(CaseReviewStep.TellOutcome, outcome, progress.OutcomeToldOn));
        return steps;
    }

    /// <summary>The first step not yet done, or null when the application is finished.</summary>
    public CaseReviewStepDue? NextStep(CaseReviewProgress progress) =>
        Steps(progress).FirstOrDefault(s => s.DoneOn is null);

    public CaseReviewStepState State(CaseReviewStepDue step, DateOnly today)
    {
        if (step.DoneOn is { } done)
        {
            return done > step.DueOn ? CaseReviewStepState.DoneLate : CaseReviewStepState.Done;
        }

        if (today > step.DueOn)
        {
            return CaseReviewStepState.Overdue;
        }

        if (today == step.DueOn)
        {
            return CaseReviewStepState.DueToday;
        }

        return today >= ReminderDay(step) ? CaseReviewStepState.DueTomorrow : CaseReviewStepState.Running;
    }

    /// <summary>The owner is reminded on the working day before a step is due (Friday for a Monday step).</summary>
    public DateOnly ReminderDay(CaseReviewStepDue step) => _calendar.PreviousWorkingDay(step.DueOn);

    /// <summary>The inspector is told on the first day after the due day with the step still not done.</summary>
    public static DateOnly EscalationDay(CaseReviewStepDue step) => step.DueOn.AddDays(1);
}
