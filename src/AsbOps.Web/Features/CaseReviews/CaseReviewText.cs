using AsbOps.Domain.CaseReviews;
using MudBlazor;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>The words and colours the case review pages use.</summary>
public static class CaseReviewText
{
    public static string Stage(CaseReviewStage stage) => stage switch
    {
        CaseReviewStage.Received => "Received",
        CaseReviewStage.AwaitingDecision => "Awaiting decision",
        CaseReviewStage.ThresholdNotMet => "Threshold not met",
        CaseReviewStage.AwaitingReview => "Awaiting review meeting",
        CaseReviewStage.ReviewHeld => "Review held",
        CaseReviewStage.OutcomeSent => "Outcome sent",
        _ => "Under appeal",
    };

    public static string Step(CaseReviewStep step) => step switch
    {
        CaseReviewStep.Acknowledge => "Acknowledge",
        CaseReviewStep.Decide => "Decide",
        CaseReviewStep.HoldReview => "Hold the review",
        _ => "Tell the outcome",
    };

    public static string State(CaseReviewStepState state) => state switch
    {
        CaseReviewStepState.Running => "Running",
        CaseReviewStepState.DueTomorrow => "Due next working day",
        CaseReviewStepState.DueToday => "Due today",
        CaseReviewStepState.Overdue => "Overdue",
        CaseReviewStepState.Done => "Done",
        _ => "Done late",
    };

    public static Color StateColour(CaseReviewStepState? state) => state switch
    {
        CaseReviewStepState.Overdue => Color.Error,
        CaseReviewStepState.DueToday or CaseReviewStepState.DueTomorrow => Color.Warning,
        CaseReviewStepState.Done => Color.Success,
        CaseReviewStepState.DoneLate => Color.Secondary,
        _ => Color.Default,
    };

    public static string Channel(CaseReviewChannel channel) => channel switch
    {
        CaseReviewChannel.InPerson => "In person",
        CaseReviewChannel.OnlineForm => "Online form",
        CaseReviewChannel.Partner => "Through a partner agency",
        _ => channel.ToString(),
    };
}
