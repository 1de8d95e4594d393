using System.Linq.Expressions;
using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Cases;

/// <summary>
/// What a case still lacks, as expressions over its people, assessments and plan: the compliance rules 1–3 (without
/// rule 1's grace period, which depends on the hour), the unknown answers of its current assessments, and whether it
/// has an action plan. The compliance rules are built from these, and the same values are stored on the case
/// (<see cref="AsbCase.HasUnassessedVictim"/> and the rest), refreshed by every save that changes one of their inputs,
/// so that the live counters read them from one index instead of testing every open case again.
/// </summary>
public static class CaseStanding
{
    /// <summary>
    /// Open or under review, named rather than "not closed": most cases are closed, and <c>Status IN (…)</c> lets a
    /// database seek the status indexes to the open few instead of reading every case row (<see cref="AsbCase.IsOpen"/>
    /// as a query).
    /// </summary>
    public static Expression<Func<AsbCase, bool>> IsOpen => c => c.Status == CaseStatus.Open || c.Status == CaseStatus.UnderReview;

    /// <summary>A victim without a completed current assessment.</summary>
    public static Expression<Func<AsbCase, bool>> UnassessedVictim =>
        c => c.Participants.Any(p => p.Role == PersonRole.Victim
            && !c.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete));

    /// <summary>No victim on the case and no completed current location assessment.</summary>
    public static Expression<Func<AsbCase, bool>> NoVictimNoLocationAssessment =>
        c => !c.Participants.Any(p => p.Role == PersonRole.Victim)
            && !c.Assessments.Any(a => a.Kind == AssessmentKind.Location && a.IsCurrent && a.Status == AssessmentStatus.Complete);

    /// <summary>A perpetrator without a completed current assessment (a draft is not yet an assessment).</summary>
    public static Expression<Func<AsbCase, bool>> UnassessedPerpetrator =>
        c => c.Participants.Any(p => p.Role == PersonRole.Perpetrator
            && !c.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete));

    /// <summary>The unknown answers of the case's current assessments.</summary>
    public static Expression<Func<AsbCase, int>> UnknownAnswers =>
        c => c.Assessments.Where(a => a.IsCurrent).Sum(a => a.UnknownCount);

    /// <summary>The case's people in <paramref name="role"/> whose current level is <paramref name="level"/>.</summary>
    public static Expression<Func<AsbCase, int>> PeopleAt(PersonRole role, RiskLevel level) =>
        c => c.Participants.Count(p => p.Role == role && p.RiskLevel == level);

    /// <summary>
    /// The role × level counts stored on each case (<see cref="AsbCase.VictimsHigh"/> and the rest): every role and level
    /// of the dashboard's role heatmap, so that it sums them over the open cases instead of joining every open case to
    /// its people. Like the rest of the standing, they count a case's people whether it is open or closed, so closing
    /// or reopening a case changes none of them.
    /// </summary>
    public static IReadOnlyList<StoredPeopleCount> PeopleCounts { get; } =
    [
        new(PersonRole.Victim, RiskLevel.NotAssessed, c => c.VictimsNotAssessed),
        new(PersonRole.Victim, RiskLevel.Low, c => c.VictimsLow),
        new(PersonRole.Victim, RiskLevel.Medium, c => c.VictimsMedium),
        new(PersonRole.Victim, RiskLevel.High, c => c.VictimsHigh),
        new(PersonRole.Perpetrator, RiskLevel.NotAssessed, c => c.PerpetratorsNotAssessed),
        new(PersonRole.Perpetrator, RiskLevel.Low, c => c.PerpetratorsLow),
        new(PersonRole.Perpetrator, RiskLevel.Medium, c => c.PerpetratorsMedium),
        new(PersonRole.Perpetrator, RiskLevel.High, c => c.PerpetratorsHigh),
        new(PersonRole.Witness, RiskLevel.NotAssessed, c => c.WitnessesNotAssessed),
        new(PersonRole.Witness, RiskLevel.Low, c => c.WitnessesLow),
        new(PersonRole.Witness, RiskLevel.Medium, c => c.WitnessesMedium),
        new(PersonRole.Witness, RiskLevel.High, c => c.WitnessesHigh),
    ];

    /// <summary>
    /// The earliest moment one of the case's victims is due for contact (<see cref="ContactSchedule"/>): a victim with a
    /// plan when the plan says, one without a plan one default interval for their level after being added; null with no
    /// victim. A victim is overdue (<see cref="ContactSchedule.OverdueVictim"/>) only on a case whose date has passed.
    /// </summary>
    public static Expression<Func<AsbCase, DateTime?>> FirstVictimContactDue(IQueryable<VictimContactPlan> plans) =>
        c => c.Participants.Where(p => p.Role == PersonRole.Victim)
            .Min(p => plans.Where(x => x.CaseParticipantId == p.Id).Select(x => (DateTime?)x.NextContactDue).FirstOrDefault()
                ?? (p.RiskLevel == RiskLevel.High ? p.AddedAt.AddDays(ContactSchedule.Weekly)
                    : p.RiskLevel == RiskLevel.Medium ? p.AddedAt.AddDays(ContactSchedule.Fortnightly)
                    : p.AddedAt.AddDays(ContactSchedule.Monthly)));

    /// <summary>The case has an action plan (plans are not a navigation of the case, so the set is passed in).</summary>
    public static Expression<Func<AsbCase, bool>> HasActionPlan(IQueryable<ActionPlan> plans) =>
        c => plans.Any(p => p.CaseId == c.Id);
}
