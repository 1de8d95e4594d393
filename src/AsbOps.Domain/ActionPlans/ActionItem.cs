namespace AsbOps.Domain.ActionPlans;

/// <summary>One action of a plan: type, owner, due date and status.</summary>
public sealed class ActionItem
{
    public long Id { get; set; }

    public long ActionPlanId { get; set; }

    public ActionType Type { get; set; }

    public required string Description { get; set; }

    public required string OwnerName { get; set; }

    public string? OwnerUserId { get; set; }

    public DateOnly DueDate { get; set; }

    public ActionStatus Status { get; set; } = ActionStatus.Planned;

    public DateTime? CompletedAt { get; set; }

    public int Version { get; set; }

    public bool IsOverdue(DateOnly today) => Status is ActionStatus.Planned or ActionStatus.InProgress && DueDate < today;
}
