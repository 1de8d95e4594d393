using System.Globalization;
using System.Linq.Expressions;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>
/// The dashboard's work queues: each a count and its first rows, oldest first, from indexed queries. The case queues
/// are counted together in one grouped pass over the open cases; counts the counters already hold are reused.
/// </summary>
public sealed class DashboardQueueQueries(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ComplianceOptions> options)
{
    public const int RowsPerQueue = 10;

    public async Task<IReadOnlyList<DashboardQueue>> LoadAsync(int? areaId, OpsCounters counters, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rules = new CaseRulePredicates(db, options.Value.ToThresholds(), now);
        var openCases = db.Cases.AsNoTracking().Where(CaseRulePredicates.IsOpen).Where(c => areaId == null || c.AreaId == areaId);
        int Age(DateTime since) => Math.Max(0, (int)(now - since).TotalDays);

        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => i.CaseId == null && i.Screening == null && (areaId == null || i.AreaId == areaId))
            .OrderBy(i => i.ReceivedAt).Take(RowsPerQueue)
            .Select(i => new { i.Id, i.StormRef, i.Category, i.Address, i.ReceivedAt })
            .ToListAsync(cancellationToken);

        var awaitingAssessment = openCases.Where(rules.MissingAssessment(victimOpenedBefore: now));
        var victimCutoff = rules.Thresholds.VictimAssessmentCutoff(now);
        var assessmentRows = await awaitingAssessment.OrderBy(c => c.OpenedAt).Take(RowsPerQueue)
            .Select(c => new { c.Reference, c.OpenedAt, People = c.Participants.Count(p => p.Role == PersonRole.Victim || p.Role == PersonRole.Perpetrator) })
            .ToListAsync(cancellationToken);

        var unknown = from a in db.Assessments.AsNoTracking()
                      join c in openCases on a.CaseId equals c.Id
                      where a.IsCurrent && a.UnknownCount > 0
                      select new { c.Reference, a.Kind, a.UnknownCount, a.CreatedAt };
        var unknownRows = await unknown.OrderBy(u => u.CreatedAt).Take(RowsPerQueue).ToListAsync(cancellationToken);

        var plans = db.ActionPlans;
        var planCutoff = rules.Thresholds.ActionPlanCutoff(now);
        Expression<Func<AsbCase, bool>> withoutPlan = c => c.RiskLevel == RiskLevel.High && !plans.Any(p => p.CaseId == c.Id);
        var noPlan = openCases.Where(withoutPlan);
        var noPlanRows = await noPlan.OrderBy(c => c.HighRiskSince ?? c.OpenedAt).Take(RowsPerQueue)
            .Select(c => new { c.Reference, Since = c.HighRiskSince ?? c.OpenedAt }).ToListAsync(cancellationToken);

        var reviewDue = rules.ReviewDueBefore(now.AddDays(7));
        var reviews = openCases.Where(reviewDue);
        var reviewRows = await reviews.OrderBy(c => c.NextReviewDue ?? c.OpenedAt).Take(RowsPerQueue)
            .Select(c => new { c.Reference, c.NextReviewDue, c.LastReviewedAt, c.OpenedAt, c.RiskLevel }).ToListAsync(cancellationToken);

        var pending = from a in db.Assessments.AsNoTracking()
                      join c in openCases on a.CaseId equals c.Id
                      where a.IsCurrent && a.JudgementApproval == OverrideApproval.Pending
                      select new { c.Reference, a.Kind, a.ComputedLevel, a.JudgementLevel, a.CreatedAt };
        var pendingRows = await pending.OrderBy(p => p.CreatedAt).Take(RowsPerQueue).ToListAsync(cancellationToken);

        var counts = await openCases
            .Select(QueueCountsProjection.Build(rules.MissingAssessment(victimOpenedBefore: now), withoutPlan, reviewDue))
            .GroupBy(f => f.AreaId)
            .Select(g => new { Awaiting = g.Sum(f => f.AwaitingAssessment), WithoutPlan = g.Sum(f => f.HighRiskWithoutPlan), Reviews = g.Sum(f => f.ReviewDue) })
            .ToListAsync(cancellationToken);

        return
        [
            new("awaitingScreening", "Incidents awaiting VICTOR-E screening", counters.AwaitingScreening,
                incidents.Select(i => new QueueItem(i.StormRef, $"{i.Category} · {i.Address}", RiskLinks.Incident(i.Id), Age(i.ReceivedAt), false)).ToList(),
                "No incident is waiting for screening. New incidents from the control room appear here."),
            new("awaitingAssessment", "Cases awaiting an assessment", counts.Sum(c => c.Awaiting),
                assessmentRows.Select(c => new QueueItem(c.Reference, c.People == 0 ? "Location assessment needed" : "Person assessment needed",
                    RiskLinks.Case(c.Reference), Age(c.OpenedAt), c.OpenedAt < victimCutoff)).ToList(),
                "Every open case has its victims, perpetrators or location assessed."),
            new("unknownAnswers", "Unknown answers outstanding", counters.UnknownAnswers,
                unknownRows.Select(u => new QueueItem(u.Reference, $"{u.UnknownCount} unknown · {u.Kind} assessment",
                    RiskLinks.Case(u.Reference), Age(u.CreatedAt), Age(u.CreatedAt) >= 14)).ToList(),
                "No current assessment has an unknown answer."),
            new("highRiskWithoutPlan", "High-risk cases without an action plan", counts.Sum(c => c.WithoutPlan),
                noPlanRows.Select(c => new QueueItem(c.Reference, c.Since < planCutoff ? "Action plan overdue" : "Action plan due within "
                    + options.Value.ActionPlanHours.ToString(CultureInfo.InvariantCulture) + " hours", RiskLinks.Case(c.Reference), Age(c.Since), c.Since < planCutoff)).ToList(),
                "Every high-risk case has an action plan."),
            new("reviews", "Reviews due (next 7 days) and overdue", counts.Sum(c => c.Reviews),
                reviewRows.Select(c =>
                {
                    var dueAt = rules.ReviewDueAt(c.NextReviewDue, c.LastReviewedAt, c.OpenedAt, c.RiskLevel);
                    return new QueueItem(c.Reference, (dueAt < now ? "Overdue since " : "Due ") + dueAt.ToString("d MMM", CultureInfo.InvariantCulture),
                        RiskLinks.Case(c.Reference), null, dueAt < now);
                }).ToList(),
                "No review falls due in the next 7 days.", counters.OverdueReviews.ToString(CultureInfo.InvariantCulture) + " overdue"),
            new("awaitingApproval", "Lowered levels awaiting the sergeant", await pending.CountAsync(cancellationToken),
                pendingRows.Select(p => new QueueItem(p.Reference, $"{p.Kind}: {p.ComputedLevel} → {p.JudgementLevel}",
                    RiskLinks.Case(p.Reference), Age(p.CreatedAt), false)).ToList(),
                "No lowered risk level is waiting for a sergeant's approval."),
        ];
    }
}
