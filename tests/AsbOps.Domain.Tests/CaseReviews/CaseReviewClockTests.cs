using AsbOps.Domain.CaseReviews;

namespace AsbOps.Domain.Tests.CaseReviews;

public sealed class CaseReviewClockTests
{
    private static readonly CaseReviewClock Clock = new(new CaseReviewSettings());

    [Fact]
    public void EachStepIsDueOnItsHandCountedWorkingDay()
    {
        // Received Saturday 5 Dec 2026, decided Friday 18 Dec; the review runs over Christmas and New Year.
        var steps = Clock.Steps(new CaseReviewProgress(new DateOnly(2026, 12, 5), DecidedOn: new DateOnly(2026, 12, 18), ThresholdMet: true));

        Assert.Equal(
            [
                (CaseReviewStep.Acknowledge, new DateOnly(2026, 12, 11)),
                (CaseReviewStep.Decide, new DateOnly(2026, 12, 18)),
                (CaseReviewStep.HoldReview, new DateOnly(2027, 1, 20)),
                (CaseReviewStep.TellOutcome, new DateOnly(2027, 1, 27)),
            ],
            steps.Select(s => (s.Step, s.DueOn)));
    }

    [Fact]
    public void TheOutcomeRunsFromTheDayTheReviewWasActuallyHeld()
    {
        var steps = Clock.Steps(new CaseReviewProgress(
            new DateOnly(2026, 12, 5), DecidedOn: new DateOnly(2026, 12, 18), ThresholdMet: true, ReviewHeldOn: new DateOnly(2027, 1, 8)));

        Assert.Equal(new DateOnly(2027, 1, 15), steps.Single(s => s.Step == CaseReviewStep.TellOutcome).DueOn);
    }

    [Fact]
    public void WhenTheThresholdIsNotMetThereIsNoReviewToHold()
    {
        var steps = Clock.Steps(new CaseReviewProgress(new DateOnly(2026, 12, 5), DecidedOn: new DateOnly(2026, 12, 9), ThresholdMet: false));

        Assert.Equal([CaseReviewStep.Acknowledge, CaseReviewStep.Decide], steps.Select(s => s.Step));
    }

    [Fact]
    public void ConfiguredDaysAreHonoured()
    {
        var clock = new CaseReviewClock(new CaseReviewSettings { AcknowledgeWorkingDays = 2, DecideWorkingDays = 3 });

        var steps = clock.Steps(new CaseReviewProgress(new DateOnly(2026, 4, 2)));

        Assert.Equal(new DateOnly(2026, 4, 8), steps[0].DueOn);
        Assert.Equal(new DateOnly(2026, 4, 9), steps[1].DueOn);
    }

    [Theory]
    [InlineData("2026-04-09", CaseReviewStepState.Running)]
    [InlineData("2026-04-10", CaseReviewStepState.DueTomorrow)] // Friday before a Monday step
    [InlineData("2026-04-12", CaseReviewStepState.DueTomorrow)]
    [InlineData("2026-04-13", CaseReviewStepState.DueToday)]
    [InlineData("2026-04-14", CaseReviewStepState.Overdue)]
    public void AStepMovesFromRunningToOverdue(string today, CaseReviewStepState expected)
    {
        var acknowledge = Clock.Steps(new CaseReviewProgress(new DateOnly(2026, 4, 2)))[0];

        Assert.Equal(new DateOnly(2026, 4, 13), acknowledge.DueOn);
        Assert.Equal(expected, Clock.State(acknowledge, DateOnly.Parse(today)));
    }

    [Fact]
    public void AStepDoneAfterItsDayIsDoneLate()
    {
        var steps = Clock.Steps(new CaseReviewProgress(new DateOnly(2026, 4, 2), AcknowledgedOn: new DateOnly(2026, 4, 14)));

        Assert.Equal(CaseReviewStepState.DoneLate, Clock.State(steps[0], new DateOnly(2026, 4, 20)));
        Assert.Equal(CaseReviewStep.Decide, Clock.NextStep(new CaseReviewProgress(new DateOnly(2026, 4, 2), AcknowledgedOn: new DateOnly(2026, 4, 14)))!.Step);
    }

    [Fact]
    public void TheReminderFallsOnTheWorkingDayBeforeAndTheEscalationTheDayAfter()
    {
        var step = new CaseReviewStepDue(CaseReviewStep.Decide, new DateOnly(2026, 4, 7), null);

        Assert.Equal(new DateOnly(2026, 4, 2), Clock.ReminderDay(step));
        Assert.Equal(new DateOnly(2026, 4, 8), CaseReviewClock.EscalationDay(step));
    }
}
