using AsbOps.Domain.ActionPlans;

namespace AsbOps.Web.Features.Cases;

public sealed record CaseActionPlanView(DateTime CreatedAt, string? Objective, IReadOnlyList<CaseActionView> Actions);

/// <summary>An action of the plan; overdue when planned or in progress past its due date.</summary>
public sealed record CaseActionView(
    ActionType Type, string Description, string OwnerName, DateOnly DueDate, ActionStatus Status, DateTime? CompletedAt, bool IsOverdue);
