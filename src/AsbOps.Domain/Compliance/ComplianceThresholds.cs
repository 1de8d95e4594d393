using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Compliance;

/// <summary>
/// The configurable limits of the compliance rules: how long a victim may wait for an assessment, how long a
/// high-risk case may go without an action plan, and how often a case is reviewed for its risk level.
/// </summary>
public sealed record ComplianceThresholds(TimeSpan VictimAssessmentGrace, TimeSpan ActionPlanDue, ReviewCadence Cadence)
{
    public static ComplianceThresholds Default { get; } = new(TimeSpan.FromHours(24), TimeSpan.FromHours(72), new ReviewCadence());

    /// <summary>A case opened before this instant is past the grace period for assessing its victims.</summary>
    public DateTime VictimAssessmentCutoff(DateTime now) => now - VictimAssessmentGrace;

    /// <summary>A case high risk since before this instant must have an action plan.</summary>
    public DateTime ActionPlanCutoff(DateTime now) => now - ActionPlanDue;

    /// <summary>
    /// For a case with no stored next review date: reviewed (or opened) before this instant means its review is due
    /// by <paramref name="at"/>.
    /// </summary>
    public DateTime ReviewBasisCutoff(DateTime at, RiskLevel level) => at.AddDays(-Cadence.DaysFor(level));
}
