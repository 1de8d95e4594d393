namespace AsbOps.Domain.ActionPlans;

/// <summary>The case's action plan; a high-risk case must have one within the configured hours.</summary>
public sealed class ActionPlan
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedByUserId { get; set; }

    public string? Objective { get; set; }

    public int Version { get; set; }

    public List<ActionItem> Actions { get; set; } = [];
}
