using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Data.Seeding;

/// <summary>When a case first became high risk, since when it is high now, and when it last fell below high.</summary>
internal sealed record DemoRiskTimeline(DateTime? FirstHighAt, DateTime? HighSince, DateTime? FellAt);

/// <summary>
/// Assesses everyone on a case who must be (and some who may be), with reassessments, a few professional
/// judgements and the backlog the plan asks for; then sets the participants' and the case's levels.
/// </summary>
internal sealed class DemoRiskBuilder(DemoCalendar calendar, DemoAssessmentBuilder assessments)
{
    // Each Y/N/U question of a recent current assessment is unknown this often: a few dozen at any time.
    private const double RecentUnknownRate = 0.02;
    private const double SupersededUnknownRate = 0.08;

    public DemoRiskTimeline Assess(Random rng, DemoCasePlan plan, AsbCase asbCase, List<DemoSubject> subjects, string leadId, string sergeantId)
    {
        var end = plan.ClosedAt ?? calendar.End;
        var missing = plan.Backlog switch
        {
            DemoBacklog.VictimUnassessed => subjects.FirstOrDefault(s => s.Role == PersonRole.Victim),
            DemoBacklog.PerpetratorUnassessed => subjects.FirstOrDefault(s => s.Role == PersonRole.Perpetrator),
            DemoBacklog.LocationUnassessed => subjects.FirstOrDefault(s => s.IsLocation),
            _ => null,
        };

        foreach (var subject in subjects)
        {
            if (plan.Backlog == DemoBacklog.NotYetAssessed || (subject.Role is PersonRole.Witness or PersonRole.ReportingPerson && !rng.Chance(0.2)))
            {
                continue;
            }

            var severity = Severity(rng, plan, subject);
            var kind = subject.IsLocation ? AssessmentKind.Location : subject.Role == PersonRole.Perpetrator ? AssessmentKind.Perpetrator : AssessmentKind.Victim;
            var createdAt = plan.OpenedAt.AddMinutes(rng.Next(20, rng.Chance(0.9) ? 20 * 60 : 60 * 60));
            if (createdAt >= end)
            {
                continue;
            }

            if (ReferenceEquals(subject, missing))
            {
                // Part of the backlog: never started, or a draft left half done.
                if (rng.Chance(0.4))
                {
                    Add(asbCase, subject, assessments.Draft(rng, kind, severity, createdAt, leadId));
                }

                continue;
            }

            var span = (end - plan.OpenedAt).TotalDays;
            if (span > 21 && rng.Chance(0.18))
            {
                var first = assessments.Complete(rng, kind, severity, createdAt, leadId, SupersededUnknownRate);
                first.IsCurrent = false;
                Add(asbCase, subject, first);
                createdAt = plan.OpenedAt.AddDays(rng.Next(14, (int)Math.Min(60, span))).AddHours(rng.Next(8, 18));
                severity = Math.Clamp(severity + rng.NextGaussian(-0.12, 0.12), 0, 1);
            }

            var recent = !plan.IsClosed && calendar.AgeInDays(createdAt) is >= 1 and <= 60;
            var current = assessments.Complete(rng, kind, severity, createdAt, leadId, recent ? RecentUnknownRate : 0);
            if (rng.Chance(0.03) || (current.ComputedLevel == RiskLevel.High && !plan.IsClosed && rng.Chance(0.06)))
            {
                Judge(rng, plan, current, sergeantId);
            }

            Add(asbCase, subject, current);
        }

        foreach (var subject in subjects.Where(s => s.Participant is not null))
        {
            subject.Participant!.RiskLevel = subject.CurrentComplete?.Level ?? RiskLevel.NotAssessed;
        }

        return Timeline(asbCase, subjects);
    }

    private static double Severity(Random rng, DemoCasePlan plan, DemoSubject subject)
    {
        var severity = plan.Severity + rng.NextGaussian(0, 0.12);
        if (subject.Role == PersonRole.Victim && subject.Age is < 18 or > 75)
        {
            severity += 0.1;
        }

        return Math.Clamp(severity, 0, 1);
    }

    /// <summary>
    /// Officers raise a level more often than they lower one. Lowering a computed high on an open recent case
    /// waits for the sergeant; older ones were approved.
    /// </summary>
    private void Judge(Random rng, DemoCasePlan plan, Assessment assessment, string sergeantId)
    {
        if (assessment.ComputedLevel == RiskLevel.High)
        {
            var pending = !plan.IsClosed && calendar.AgeInDays(assessment.CreatedAt) < 30;
            assessments.Judge(rng, assessment, RiskLevel.Medium, pending ? OverrideApproval.None : OverrideApproval.Approved, sergeantId);
        }
        else
        {
            assessments.Judge(rng, assessment, assessment.ComputedLevel + 1, OverrideApproval.None, null);
        }
    }

    private static void Add(AsbCase asbCase, DemoSubject subject, Assessment assessment)
    {
        assessment.Participant = subject.Participant;
        asbCase.Assessments.Add(assessment);
        subject.History.Add(assessment);
    }

    /// <summary>Replays completed assessments in order: the case's level is the highest current one at each moment.</summary>
    private static DemoRiskTimeline Timeline(AsbCase asbCase, List<DemoSubject> subjects)
    {
        var events = subjects
            .SelectMany((s, index) => s.History.Where(a => a.Status == AssessmentStatus.Complete).Select(a => (Subject: index, Assessment: a)))
            .OrderBy(e => e.Assessment.CompletedAt)
            .ToList();
        var levels = new RiskLevel[subjects.Count];
        var level = RiskLevel.NotAssessed;
        DateTime? firstHigh = null, since = null, fell = null;
        foreach (var (subject, assessment) in events)
        {
            levels[subject] = assessment.Level;
            var next = levels.Max();
            var at = assessment.ApprovedAt is { } approved && assessment.Level < assessment.ComputedLevel ? approved : assessment.CompletedAt!.Value;
            if (next == RiskLevel.High && level != RiskLevel.High)
            {
                since = at;
                firstHigh ??= at;
            }
            else if (next != RiskLevel.High && level == RiskLevel.High)
            {
                since = null;
                fell = at;
            }

            level = next;
        }

        asbCase.RiskLevel = level;
        asbCase.HighRiskSince = since;
        return new DemoRiskTimeline(firstHigh, since, fell);
    }
}
