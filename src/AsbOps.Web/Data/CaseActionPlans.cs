using AsbOps.Domain.ActionPlans;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Data;

/// <summary>
/// Puts an action on a case's action plan from outside the action plan pages (a case review's recommendations), in
/// the caller's context and transaction: the plan is created with <paramref name="objectiveIfNew"/> when the case has
/// none yet. The action plan pages show and edit the action like any other.
/// </summary>
public static class CaseActionPlans
{
    public static async Task<ActionItem> AddActionAsync(
        AsbOpsDbContext db, long caseId, string objectiveIfNew, string createdByUserId, DateTime now, ActionItem action,
        CancellationToken cancellationToken)
    {
        var plan = db.ActionPlans.Local.FirstOrDefault(p => p.CaseId == caseId)
            ?? await db.ActionPlans.SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken);
        if (plan is null)
        {
            plan = new ActionPlan { CaseId = caseId, CreatedAt = now, CreatedByUserId = createdByUserId, Objective = objectiveIfNew };
            db.ActionPlans.Add(plan);
        }

        plan.Actions.Add(action);
        return action;
    }
}
