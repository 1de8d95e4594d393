using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>The hub's <c>CaseChanged</c> payload: where a case now stands, and the dashboard queue it waits in (if any).</summary>
public sealed record OpsCaseSummary(string CaseRef, string AreaCode, string RiskLevel, string Status, string? Queue);

/// <summary>The hub's <c>HighRiskRaised</c> payload: the case, its area, who or what is at high risk, and when.</summary>
public sealed record OpsHighRiskAlert(string CaseRef, string AreaCode, IReadOnlyList<string> Subjects, DateTime At);

/// <summary>
/// Reads one case for a live message with a few indexed lookups by reference; the queue rules are the dashboard's
/// (<see cref="DashboardQueueQueries"/>), checked in the order a supervisor would act on them.
/// </summary>
public sealed class OpsCaseSummaries(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    TimeProvider clock,
    IOptions<ComplianceOptions> options)
{
    public async Task<OpsCaseSummary?> SummaryAsync(string caseRef, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var one = db.Cases.AsNoTracking().Where(c => c.Reference == caseRef);
        var head = await one
            .Select(c => new { c.Reference, AreaCode = db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).First(), c.RiskLevel, c.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        string? queue = null;
        if (head.Status != CaseStatus.Closed)
        {
            var rules = new CaseRulePredicates(db, options.Value.ToThresholds(), now);
            var plans = db.ActionPlans;
            var current = db.Assessments.Where(a => a.IsCurrent);
            queue =
                await one.AnyAsync(c => c.RiskLevel == Domain.Risk.RiskLevel.High && !plans.Any(p => p.CaseId == c.Id), cancellationToken) ? "highRiskWithoutPlan"
                : await one.AnyAsync(c => current.Any(a => a.CaseId == c.Id && a.JudgementApproval == OverrideApproval.Pending), cancellationToken) ? "awaitingApproval"
                : await one.Where(rules.MissingAssessment(victimOpenedBefore: now)).AnyAsync(cancellationToken) ? "awaitingAssessment"
                : await one.AnyAsync(c => current.Any(a => a.CaseId == c.Id && a.UnknownCount > 0), cancellationToken) ? "unknownAnswers"
                : await one.Where(rules.ReviewDueBefore(now.AddDays(7))).AnyAsync(cancellationToken) ? "reviews"
                : null;
        }

        return new OpsCaseSummary(head.Reference, head.AreaCode, CaseDisplay.Key(head.RiskLevel), head.Status.ToString().ToLowerInvariant(), queue);
    }

    /// <summary>The alert for a case now at high risk: its active markers' subjects, or else its high-risk people.</summary>
    public async Task<OpsHighRiskAlert?> AlertAsync(string caseRef, DateTime? at, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var head = await db.Cases.AsNoTracking().Where(c => c.Reference == caseRef)
            .Select(c => new { c.Id, c.Reference, AreaCode = db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).First(), c.HighRiskSince })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var subjects = await db.Markers.AsNoTracking().Where(m => m.CaseId == head.Id && m.EndedAt == null)
            .OrderBy(m => m.Id).Select(m => m.Subject).Distinct().ToListAsync(cancellationToken);
        if (subjects.Count == 0)
        {
            subjects = await db.CaseParticipants.AsNoTracking().Where(p => p.CaseId == head.Id && p.RiskLevel == Domain.Risk.RiskLevel.High)
                .OrderBy(p => p.Id).Select(p => p.Person!.FirstName + " " + p.Person.LastName).ToListAsync(cancellationToken);
        }

        return new OpsHighRiskAlert(head.Reference, head.AreaCode, subjects, at ?? head.HighRiskSince ?? clock.GetUtcNow().UtcDateTime);
    }
}
