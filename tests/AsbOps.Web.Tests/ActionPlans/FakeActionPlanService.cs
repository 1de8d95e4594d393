using AsbOps.Web.Data;
using AsbOps.Web.Features.ActionPlans;
using AsbOps.Web.Security;

namespace AsbOps.Web.Tests.ActionPlans;

/// <summary>An action plan service from memory: answers saves with <see cref="NextResult"/> and remembers what it was sent.</summary>
public sealed class FakeActionPlanService : IActionPlanService
{
    public ActionPlanPageModel? Model { get; set; }

    public CommandResult NextResult { get; set; } = CommandResult.Saved(1);

    public List<ActionInput> Sent { get; } = [];

    public Task<ActionPlanPageModel?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default) =>
        Task.FromResult(Model);

    public Task<CommandResult> SavePlanAsync(UserScope user, long caseId, PlanInput input, CancellationToken cancellationToken = default) =>
        Task.FromResult(NextResult);

    public Task<CommandResult> AddActionAsync(UserScope user, long caseId, ActionInput input, CancellationToken cancellationToken = default)
    {
        Sent.Add(input);
        return Task.FromResult(NextResult);
    }

    public Task<CommandResult> UpdateActionAsync(UserScope user, long actionId, ActionInput input, CancellationToken cancellationToken = default)
    {
        Sent.Add(input);
        return Task.FromResult(NextResult);
    }
}
