using System.Linq.Expressions;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;

namespace AsbOps.Web.Features.Compliance;

/// <summary>
/// The compliance rules as expressions over a case, so that EF Core turns each into one SQL predicate: counting,
/// listing findings and the dashboard queues all use the same definitions. Open-case filtering and area scoping are
/// applied by the caller.
/// </summary>
public sealed class CaseRulePredicates(AsbOpsDbContext db, ComplianceThresholds thresholds, DateTime now)
{
    public DateTime Now { get; } = now;

    public ComplianceThresholds Thresholds { get; } = thresholds;

    /// <summary>Rule 1 (victims past the grace period), or, with <paramref name="openedBefore"/> = now, every waiting victim.</summary>
    public Expression<Func<AsbCase, bool>> VictimWithoutAssessment(DateTime? openedBefore = null) =>
        QueryExpressions.And(OpenedBefore(openedBefore ?? Thresholds.VictimAssessmentCutoff(Now)), CaseStanding.UnassessedVictim);

    /// <summary>Rule 2: no victim on the case and no completed current location assessment.</summary>
    public static Expression<Func<AsbCase, bool>> NoVictimNoLocationAssessment => CaseStanding.NoVictimNoLocationAssessment;

    /// <summary>Rule 3: a perpetrator without a completed current assessment (a draft is not yet an assessment).</summary>
    public static Expression<Func<AsbCase, bool>> PerpetratorWithoutAssessment => CaseStanding.UnassessedPerpetrator;

    /// <summary>Rules 1, 2 or 3: the headline "missing a risk assessment".</summary>
    public Expression<Func<AsbCase, bool>> MissingAssessment(DateTime? victimOpenedBefore = null) =>
        QueryExpressions.Or(QueryExpressions.Or(VictimWithoutAssessment(victimOpenedBefore), NoVictimNoLocationAssessment), PerpetratorWithoutAssessment);

    /// <summary>
    /// <see cref="MissingAssessment"/> read from the standing stored on the case (no look-up of people or assessments):
    /// what the live counters use; the sweep's findings use the rules themselves.
    /// </summary>
    public Expression<Func<AsbCase, bool>> StoredMissingAssessment(DateTime? victimOpenedBefore = null)
    {
        var cutoff = victimOpenedBefore ?? Thresholds.VictimAssessmentCutoff(Now);
        return c => (c.OpenedAt < cutoff && c.HasUnassessedVictim) || c.LacksVictimAndLocationAssessment || c.HasUnassessedPerpetrator;
    }

    private static Expression<Func<AsbCase, bool>> OpenedBefore(DateTime cutoff) => c => c.OpenedAt < cutoff;

    /// <summary>Rule 4: a current assessment with an unknown answer.</summary>
    public static Expression<Func<AsbCase, bool>> UnknownAnswer =>
        c => c.Assessments.Any(a => a.IsCurrent && a.UnknownCount > 0);

    /// <summary>
    /// Rule 5: a current assessment records a safeguarding concern and the case has no completed safeguarding
    /// referral for it (for that assessment, that person, or the case as a whole).
    /// </summary>
    public Expression<Func<AsbCase, bool>> SafeguardingWithoutReferral()
    {
        var referrals = db.Referrals;
        return c => c.Assessments.Any(a => a.IsCurrent && a.SafeguardingConcern
            && !referrals.Any(r => r.CaseId == c.Id && r.IsSafeguarding
                && (r.AssessmentId == a.Id || (a.CaseParticipantId != null && r.CaseParticipantId == a.CaseParticipantId)
                    || (r.AssessmentId == null && r.CaseParticipantId == null))
                && r.SafeguardingConcerns != null && r.SafeguardingConcerns.Trim() != ""
                && r.ConsentToShare != null
                && r.ImmediateActions != null && r.ImmediateActions.Trim() != ""));
    }

    /// <summary>Rule 6, first half: high risk for longer than the action-plan limit and still no plan.</summary>
    public Expression<Func<AsbCase, bool>> HighRiskWithoutActionPlan(DateTime? highSince = null)
    {
        var cutoff = highSince ?? Thresholds.ActionPlanCutoff(Now);
        var plans = db.ActionPlans;
        return c => c.RiskLevel == RiskLevel.High && (c.HighRiskSince ?? c.OpenedAt) < cutoff && !plans.Any(p => p.CaseId == c.Id);
    }

    /// <summary>Rule 6, second half: high risk and no active history marker.</summary>
    public Expression<Func<AsbCase, bool>> HighRiskWithoutMarker()
    {
        var markers = db.Markers;
        return c => c.RiskLevel == RiskLevel.High && !markers.Any(m => m.CaseId == c.Id && m.EndedAt == null);
    }

    /// <summary>Rule 6: either half.</summary>
    public Expression<Func<AsbCase, bool>> HighRiskWithoutPlanOrMarker()
    {
        var cutoff = Thresholds.ActionPlanCutoff(Now);
        var plans = db.ActionPlans;
        var markers = db.Markers;
        return c => c.RiskLevel == RiskLevel.High
            && (((c.HighRiskSince ?? c.OpenedAt) < cutoff && !plans.Any(p => p.CaseId == c.Id))
                || !markers.Any(m => m.CaseId == c.Id && m.EndedAt == null));
    }

    /// <summary>
    /// The review falls due before <paramref name="at"/>: the stored next review date, or for a case without one,
    /// its last review (or opening) plus the cadence of its level. Rule 7 is <c>ReviewDueBefore(now)</c>.
    /// </summary>
    public Expression<Func<AsbCase, bool>> ReviewDueBefore(DateTime at)
    {
        var high = Thresholds.ReviewBasisCutoff(at, RiskLevel.High);
        var medium = Thresholds.ReviewBasisCutoff(at, RiskLevel.Medium);
        var low = Thresholds.ReviewBasisCutoff(at, RiskLevel.Low);
        return c => c.NextReviewDue != null
            ? c.NextReviewDue < at
            : (c.RiskLevel == RiskLevel.High && (c.LastReviewedAt ?? c.OpenedAt) < high)
                || (c.RiskLevel == RiskLevel.Medium && (c.LastReviewedAt ?? c.OpenedAt) < medium)
                || (c.RiskLevel < RiskLevel.Medium && (c.LastReviewedAt ?? c.OpenedAt) < low);
    }

    /// <summary>
    /// The half of <see cref="ReviewDueBefore"/> for cases with a stored next review date: that date is before
    /// <paramref name="at"/>. A range of the open cases' index by that date (IX_Cases_OpenByNextReviewDue).
    /// </summary>
    public Expression<Func<AsbCase, bool>> ScheduledReviewDueBefore(DateTime at) =>
        c => c.NextReviewDue != null && c.NextReviewDue < at;

    /// <summary>The other half of <see cref="ReviewDueBefore"/>: cases without a stored date, due by their level's cadence.</summary>
    public Expression<Func<AsbCase, bool>> UnscheduledReviewDueBefore(DateTime at)
    {
        var high = Thresholds.ReviewBasisCutoff(at, RiskLevel.High);
        var medium = Thresholds.ReviewBasisCutoff(at, RiskLevel.Medium);
        var low = Thresholds.ReviewBasisCutoff(at, RiskLevel.Low);
        return c => c.NextReviewDue == null
            && ((c.RiskLevel == RiskLevel.High && (c.LastReviewedAt ?? c.OpenedAt) < high)
                || (c.RiskLevel == RiskLevel.Medium && (c.LastReviewedAt ?? c.OpenedAt) < medium)
                || (c.RiskLevel < RiskLevel.Medium && (c.LastReviewedAt ?? c.OpenedAt) < low));
    }

    public Expression<Func<AsbCase, bool>> For(ComplianceRule rule) => rule switch
    {
        ComplianceRule.VictimWithoutAssessment => VictimWithoutAssessment(),
        ComplianceRule.NoVictimNoLocationAssessment => NoVictimNoLocationAssessment,
        ComplianceRule.PerpetratorWithoutAssessment => PerpetratorWithoutAssessment,
        ComplianceRule.UnknownAnswer => UnknownAnswer,
        ComplianceRule.SafeguardingWithoutReferral => SafeguardingWithoutReferral(),
        ComplianceRule.HighRiskWithoutPlanOrMarker => HighRiskWithoutPlanOrMarker(),
        ComplianceRule.ReviewOverdue => ReviewDueBefore(Now),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown compliance rule."),
    };

    /// <summary>The due date of one case's review, for display beside a few listed rows.</summary>
    public DateTime ReviewDueAt(DateTime? nextReviewDue, DateTime? lastReviewedAt, DateTime openedAt, RiskLevel level) =>
        nextReviewDue ?? Thresholds.Cadence.NextReviewDue(lastReviewedAt ?? openedAt, level);
}
