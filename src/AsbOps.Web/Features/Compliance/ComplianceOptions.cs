using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Features.Compliance;

/// <summary>Section <c>Compliance</c>: the thresholds of the compliance rules (product.md defaults).</summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>Rule 1: hours an open case may have a victim without a completed assessment.</summary>
    public int VictimAssessmentGraceHours { get; set; } = 24;

    /// <summary>Rule 6 and the high-risk procedure: hours a high-risk case may go without an action plan.</summary>
    public int ActionPlanHours { get; set; } = 72;

    /// <summary>Rule 7: review cadence in days per risk level.</summary>
    public ReviewCadenceOptions ReviewCadence { get; set; } = new();

    public ComplianceThresholds ToThresholds() => new(
        TimeSpan.FromHours(VictimAssessmentGraceHours),
        TimeSpan.FromHours(ActionPlanHours),
        new ReviewCadence(ReviewCadence.High, ReviewCadence.Medium, ReviewCadence.Low));
}

/// <summary>Section <c>Compliance:ReviewCadence</c>: days between sergeant's reviews by risk level.</summary>
public sealed class ReviewCadenceOptions
{
    public int High { get; set; } = 14;

    public int Medium { get; set; } = 28;

    public int Low { get; set; } = 56;
}
