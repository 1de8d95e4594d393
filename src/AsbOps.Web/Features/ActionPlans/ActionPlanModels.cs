using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.ActionPlans;

/// <summary>The action plan page of one case for one user: the plan, its actions, the referrals, and who may edit.</summary>
public sealed record ActionPlanPageModel
{
    public required long CaseId { get; init; }
    public required string Reference { get; init; }
    public CaseStatus Status { get; init; }
    public RiskLevel RiskLevel { get; init; }
    public DateTime OpenedAt { get; init; }
    public DateTime? HighRiskSince { get; init; }

    /// <summary>When a high-risk case without a plan must have one; null when none is demanded.</summary>
    public DateTime? PlanDueBy { get; init; }

    public bool CanEdit { get; init; }
    public ActionPlanSummary? Plan { get; init; }
    public IReadOnlyList<PlanReferralRow> Referrals { get; init; } = [];
    public IReadOnlyList<OwnerOption> Owners { get; init; } = [];

    public bool IsOpen => Status != CaseStatus.Closed;
}

public sealed record ActionPlanSummary(long Id, int Version, DateTime CreatedAt, string? Objective, IReadOnlyList<ActionRow> Actions);

/// <summary>An action as read, with the Version an edit must carry back.</summary>
public sealed record ActionRow(
    long Id, int Version, ActionType Type, string Description, string OwnerName, string? OwnerUserId, DateOnly DueDate,
    ActionStatus Status, DateTime? CompletedAt, bool IsOverdue);

/// <summary>A partner referral as shown on the plan.</summary>
public sealed record PlanReferralRow(long Id, Agency Agency, string Reason, DateTime SentAt, ReferralStatus Status, string? OutcomeNote);

/// <summary>A member of the area's staff who can own an action.</summary>
public sealed record OwnerOption(string UserId, string DisplayName);

/// <summary>The plan's objective as edited; <see cref="Version"/> is the plan's when read (0 for a new plan).</summary>
public sealed class PlanInput
{
    public string? Objective { get; set; }

    public int Version { get; set; }
}

/// <summary>An action as edited. <see cref="Version"/> is the action's when read; ignored for a new action.</summary>
public sealed class ActionInput
{
    public ActionType? Type { get; set; }

    public string? Description { get; set; }

    /// <summary>An officer of the area picked as owner; when empty, <see cref="OwnerName"/> is free text.</summary>
    public string? OwnerUserId { get; set; }

    public string? OwnerName { get; set; }

    public DateOnly? DueDate { get; set; }

    public ActionStatus Status { get; set; } = ActionStatus.Planned;

    public int Version { get; set; }

    public static ActionInput From(ActionRow row) => new()
    {
        Type = row.Type,
        Description = row.Description,
        OwnerUserId = row.OwnerUserId,
        OwnerName = row.OwnerUserId is null ? row.OwnerName : null,
        DueDate = row.DueDate,
        Status = row.Status,
        Version = row.Version,
    };
}
