using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The dashboard's work queues: each a count and its first rows, oldest first, from indexed queries. The counts come
/// from the <see cref="DashboardTally"/> of the same instant (read alongside), except the approvals', counted here.
/// </summary>
public sealed class DashboardQueueQueries(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    IOptions<ComplianceOptions> options)
{
    public const int RowsPerQueue = 10;

    /// <summary>Hours a high-risk case has to get an action plan.</summary>
    public int ActionPlanHours => options.Value.ActionPlanHours;

    public async Task<IReadOnlyList<DashboardQueue>> LoadAsync(int? areaId, DateTime now, Task<DashboardTally> counts, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = new CaseRulePredicates(db, options.Value.ToThresholds(), now);
        var openCases = db.Cases.AsNoTracking().Where(CaseStanding.IsOpen).Where(c => areaId == null || c.AreaId == areaId);
        int Age(DateTime since) => Math.Max(0, (int)(now - since).TotalDays);

        var incidents = await OpenCaseTally.AwaitingScreening(db, areaId)
            .OrderBy(i => i.ReceivedAt).Take(RowsPerQueue)
            .Select(i => new { i.Id, i.StormRef, i.Category, i.Address, i.ReceivedAt })
            .ToListAsync(cancellationToken);

        var awaitingAssessment = openCases.Where(rules.StoredMissingAssessment(victimOpenedBefore: now));
        var victimCutoff = rules.Thresholds.VictimAssessmentCutoff(now);
        var assessmentRows = await awaitingAssessment.OrderBy(c => c.OpenedAt).Take(RowsPerQueue)
            .Select(c => new { c.Reference, c.OpenedAt, People = c.Participants.Count(p => p.Role == PersonRole.Victim || p.Role == PersonRole.Perpetrator) })
            .ToListAsync(cancellationToken);

        // Oldest first off the current assessments with unknown answers (IX_Assessments_CurrentWithUnknowns, a few
        // thousand at scale 100, nearly all on open cases), each case found by its key; naming the case's stored count
        // as well made PostgreSQL walk every open case for it instead (90 ms at scale 100, against 1 ms).
        var unknown = from a in db.Assessments.AsNoTracking()
                      join c in openCases on a.CaseId equals c.Id
                      where a.IsCurrent && a.UnknownCount > 0
                      select new { c.Reference, a.Kind, a.UnknownCount, a.CreatedAt };
        var unknownRows = await unknown.OrderBy(u => u.CreatedAt).Take(RowsPerQueue).ToListAsync(cancellationToken);

        var planCutoff = rules.Thresholds.ActionPlanCutoff(now);
        var noPlan = openCases.Where(c => c.RiskLevel == RiskLevel.High && !c.HasActionPlan);
        var noPlanRows = await noPlan.OrderBy(c => c.HighRiskSince ?? c.OpenedAt).Take(RowsPerQueue)
            .Select(c => new { c.Reference, Since = c.HighRiskSince ?? c.OpenedAt }).ToListAsync(cancellationToken);

        // Reviews due within the week, soonest first: the cases with a stored date off their own index in date order, the
        // few without one in opening order, the first of both merged. One query ordered by "date, else opening" sorted
        // every open case (70 ms at scale 100); these read ten index entries each.
        var weekAhead = now.AddDays(7);
        var scheduled = await openCases.Where(rules.ScheduledReviewDueBefore(weekAhead)).OrderBy(c => c.NextReviewDue).Take(RowsPerQueue)
            .Select(c => new { c.Reference, c.NextReviewDue, c.LastReviewedAt, c.OpenedAt, c.RiskLevel }).ToListAsync(cancellationToken);
        var unscheduled = await openCases.Where(rules.UnscheduledReviewDueBefore(weekAhead)).OrderBy(c => c.OpenedAt).Take(RowsPerQueue)
            .Select(c => new { c.Reference, c.NextReviewDue, c.LastReviewedAt, c.OpenedAt, c.RiskLevel }).ToListAsync(cancellationToken);
        var reviewRows = scheduled.Concat(unscheduled).OrderBy(c => c.NextReviewDue ?? c.OpenedAt).Take(RowsPerQueue).ToList();

        var pending = from a in db.Assessments.AsNoTracking()
                      join c in openCases on a.CaseId equals c.Id
                      where a.IsCurrent && a.JudgementApproval == OverrideApproval.Pending
                      select new { c.Reference, a.Kind, a.ComputedLevel, a.JudgementLevel, a.CreatedAt };
        var pendingRows = await pending.OrderBy(p => p.CreatedAt).Take(RowsPerQueue).ToListAsync(cancellationToken);

        var approvals = await pending.CountAsync(cancellationToken);
        var tally = await counts;

        return
        [
            new("awaitingScreening", "Incidents awaiting VICTOR-E screening", tally.AwaitingScreening,
                incidents.Select(i => new QueueItem(i.StormRef, $"{CaseDisplay.Words(i.Category)} · {i.Address}", RiskLinks.Incident(i.Id), Age(i.ReceivedAt), false)).ToList(),
                "No incident is waiting for screening. New incidents from the control room appear here."),
            new("awaitingAssessment", "Cases awaiting an assessment", tally.AwaitingAssessment,
                assessmentRows.Select(c => new QueueItem(c.Reference, c.People == 0 ? "Location assessment needed" : "Person assessment needed",
                    RiskLinks.Case(c.Reference), Age(c.OpenedAt), c.OpenedAt < victimCutoff)).ToList(),
                "Every open case has its victims, perpetrators or location assessed."),
            new("unknownAnswers", "Unknown answers outstanding", tally.UnknownAnswers,
                unknownRows.Select(u => new QueueItem(u.Reference, $"{u.UnknownCount} unknown · {CaseDisplay.Words(u.Kind).ToLowerInvariant()} assessment",
                    RiskLinks.Case(u.Reference), Age(u.CreatedAt), Age(u.CreatedAt) >= 14)).ToList(),
                "No current assessment has an unknown answer."),
            new("highRiskWithoutPlan", "High-risk cases without an action plan", tally.HighRiskWithoutPlan,
                noPlanRows.Select(c => new QueueItem(c.Reference, c.Since < planCutoff ? "Action plan overdue" : "Action plan due within "
                    + options.Value.ActionPlanHours.ToString(CultureInfo.InvariantCulture) + " hours", RiskLinks.Case(c.Reference), Age(c.Since), c.Since < planCutoff)).ToList(),
                "Every high-risk case has an action plan."),
            new("reviews", "Reviews due (next 7 days) and overdue", tally.ReviewsDueThisWeek,
                reviewRows.Select(c =>
                {
                    var dueAt = rules.ReviewDueAt(c.NextReviewDue, c.LastReviewedAt, c.OpenedAt, c.RiskLevel);
                    return new QueueItem(c.Reference, (dueAt < now ? "Overdue since " : "Due ") + dueAt.ToString("d MMM", CultureInfo.InvariantCulture),
                        RiskLinks.Case(c.Reference), null, dueAt < now);
                }).ToList(),
                "No review falls due in the next 7 days.", tally.OverdueReviews.ToString(CultureInfo.InvariantCulture) + " overdue"),
            new("awaitingApproval", "Lowered levels awaiting the sergeant", approvals,
                pendingRows.Select(p => new QueueItem(p.Reference, $"{CaseDisplay.Words(p.Kind)}: {CaseDisplay.LevelWord(p.ComputedLevel)} → {(p.JudgementLevel is { } set ? CaseDisplay.LevelWord(set) : "")}",
                    RiskLinks.Case(p.Reference), Age(p.CreatedAt), false)).ToList(),
                "No lowered risk level is waiting for a sergeant's approval."),
        ];
    }
}
