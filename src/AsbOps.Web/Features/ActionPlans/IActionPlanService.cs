using AsbOps.Web.Data;
using AsbOps.Web.Security;

namespace AsbOps.Web.Features.ActionPlans;

/// <summary>The action plan of a case: read it, create it, add and edit its actions.</summary>
public interface IActionPlanService
{
    /// <summary>The plan page's data, or null when the case is unknown or not visible to the user.</summary>
    Task<ActionPlanPageModel?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default);

    /// <summary>Creates the plan with its objective, or changes the objective of the existing plan.</summary>
    Task<CommandResult> SavePlanAsync(UserScope user, long caseId, PlanInput input, CancellationToken cancellationToken = default);

    Task<CommandResult> AddActionAsync(UserScope user, long caseId, ActionInput input, CancellationToken cancellationToken = default);

    Task<CommandResult> UpdateActionAsync(UserScope user, long actionId, ActionInput input, CancellationToken cancellationToken = default);
}
