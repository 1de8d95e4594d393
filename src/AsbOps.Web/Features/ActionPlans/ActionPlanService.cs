using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.ActionPlans;

/// <summary>
/// Reads and keeps a case's action plan. Every command opens its own short-lived context, checks the user may act on
/// the case, validates again on the server, saves once (the change and its audit entries commit together) and
/// publishes <see cref="OpsChangeKind.CaseChanged"/> after the commit. Edits carry the Version they were read at; a
/// stale one is answered with a conflict, never saved over.
/// </summary>
public sealed class ActionPlanService(
    IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock, IOptions<ComplianceOptions> compliance, OpsNotifier notifier)
    : IActionPlanService
{
    public async Task<ActionPlanPageModel?> GetAsync(UserScope user, string? reference, CancellationToken cancellationToken = default)
    {
        if (!CaseReference.TryParse(reference, out var parsed))
        {
            return null;
        }

        var canonical = parsed.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var c = await db.Cases.AsNoTracking().VisibleTo(db, user).Where(x => x.Reference == canonical)
            .Select(x => new { x.Id, x.Reference, x.AreaId, x.Status, x.RiskLevel, x.OpenedAt, x.HighRiskSince })
            .FirstOrDefaultAsync(cancellationToken);
        if (c is null)
        {
            return null;
        }

        var plan = await db.ActionPlans.AsNoTracking().Where(p => p.CaseId == c.Id)
            .Select(p => new { p.Id, p.Version, p.CreatedAt, p.Objective, Actions = p.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id).ToList() })
            .FirstOrDefaultAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.CaseId == c.Id).OrderBy(r => r.SentAt).ThenBy(r => r.Id)
            .Select(r => new PlanReferralRow(r.Id, r.Agency, r.Reason, r.SentAt, r.Status, r.OutcomeNote))
            .ToListAsync(cancellationToken);
        var canEdit = CaseManagementRoles.CanEditPlan(user);
        return new ActionPlanPageModel
        {
            CaseId = c.Id,
            Reference = c.Reference,
            Status = c.Status,
            RiskLevel = c.RiskLevel,
            OpenedAt = c.OpenedAt,
            HighRiskSince = c.HighRiskSince,
            PlanDueBy = ActionPlanDeadline.DueBy(c.Status, c.RiskLevel, c.HighRiskSince, plan is not null, compliance.Value.ActionPlanHours),
            CanEdit = canEdit,
            Plan = plan is null
                ? null
                : new ActionPlanSummary(plan.Id, plan.Version, plan.CreatedAt, plan.Objective, plan.Actions
                    .Select(a => new ActionRow(a.Id, a.Version, a.Type, a.Description, a.OwnerName, a.OwnerUserId, a.DueDate, a.Status,
                        a.CompletedAt, a.IsOverdue(today)))
                    .ToList()),
            Referrals = referrals,
            Owners = canEdit ? await OwnersAsync(db, c.AreaId, cancellationToken) : [],
        };
    }

    public async Task<CommandResult> SavePlanAsync(UserScope user, long caseId, PlanInput input, CancellationToken cancellationToken = default)
    {
        var errors = ActionPlanValidation.Validate(input);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await OpenAsync(user, cancellationToken);
        var target = await EditableCaseAsync(db, user, caseId, cancellationToken);
        if (target.Refusal is { } refusal)
        {
            return refusal;
        }

        var plan = await db.ActionPlans.SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken);
        if (plan is null)
        {
            plan = new ActionPlan { CaseId = caseId, CreatedAt = Now, CreatedByUserId = user.UserId };
            db.ActionPlans.Add(plan);
        }
        else
        {
            db.Entry(plan).Property(p => p.Version).OriginalValue = input.Version;
        }

        plan.Objective = input.Objective!.Trim();
        return await SaveAsync(db, target.Case!, () => plan.Id, cancellationToken);
    }

    public async Task<CommandResult> AddActionAsync(UserScope user, long caseId, ActionInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(user, cancellationToken);
        var target = await EditableCaseAsync(db, user, caseId, cancellationToken);
        if (target.Refusal is { } refusal)
        {
            return refusal;
        }

        var plan = await db.ActionPlans.SingleOrDefaultAsync(p => p.CaseId == caseId, cancellationToken);
        if (plan is null)
        {
            return CommandResult.Refused("Create the action plan (its objective) before adding actions.");
        }

        var owners = await OwnersAsync(db, target.Case!.AreaId, cancellationToken);
        var errors = ActionPlanValidation.Validate(input, DateOnly.FromDateTime(target.Case.OpenedAt), owners.Select(o => o.UserId).ToList());
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var action = new ActionItem { ActionPlanId = plan.Id, Description = "", OwnerName = "" };
        Apply(action, input, owners);
        db.ActionItems.Add(action);
        return await SaveAsync(db, target.Case, () => action.Id, cancellationToken);
    }

    public async Task<CommandResult> UpdateActionAsync(UserScope user, long actionId, ActionInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(user, cancellationToken);
        var action = await db.ActionItems.SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return CommandResult.NotFound();
        }

        // Tracked, so that the audit entry of the action names its case.
        var plan = await db.ActionPlans.SingleAsync(p => p.Id == action.ActionPlanId, cancellationToken);
        var target = await EditableCaseAsync(db, user, plan.CaseId, cancellationToken);
        if (target.Refusal is { } refusal)
        {
            return refusal;
        }

        var owners = await OwnersAsync(db, target.Case!.AreaId, cancellationToken);
        var errors = ActionPlanValidation.Validate(input, DateOnly.FromDateTime(target.Case.OpenedAt), owners.Select(o => o.UserId).ToList());
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        // The version the user read is what the database must still hold; otherwise their save is a conflict.
        db.Entry(action).Property(a => a.Version).OriginalValue = input.Version;
        Apply(action, input, owners);
        return await SaveAsync(db, target.Case, () => action.Id, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Apply(ActionItem action, ActionInput input, IReadOnlyList<OwnerOption> owners)
    {
        var owner = owners.FirstOrDefault(o => o.UserId == input.OwnerUserId);
        action.Type = input.Type!.Value;
        action.Description = input.Description!.Trim();
        action.OwnerUserId = owner?.UserId;
        action.OwnerName = owner?.DisplayName ?? input.OwnerName!.Trim();
        action.DueDate = input.DueDate!.Value;
        if (input.Status == ActionStatus.Done && action.Status != ActionStatus.Done)
        {
            action.CompletedAt = Now;
        }
        else if (input.Status != ActionStatus.Done)
        {
            action.CompletedAt = null;
        }

        action.Status = input.Status;
    }

    private async Task<AsbOpsDbContext> OpenAsync(UserScope user, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(string.IsNullOrEmpty(user.UserId) ? null : user.UserId, user.UserName);
        db.Clock = clock;
        return db;
    }

    private sealed record EditableCase(AsbCase? Case, CommandResult? Refusal);

    private static async Task<EditableCase> EditableCaseAsync(AsbOpsDbContext db, UserScope user, long caseId, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.AsNoTracking().VisibleTo(db, user).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || !CaseManagementRoles.CanEditPlan(user))
        {
            return new EditableCase(null, CommandResult.NotFound());
        }

        return @case.Status == CaseStatus.Closed
            ? new EditableCase(null, CommandResult.Refused($"Case {@case.Reference} is closed; its plan can no longer change."))
            : new EditableCase(@case, null);
    }

    private async Task<CommandResult> SaveAsync(AsbOpsDbContext db, AsbCase @case, Func<long> id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }

        var areaCode = await db.Areas.Where(a => a.Id == @case.AreaId).Select(a => a.Code).SingleAsync(cancellationToken);
        notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, areaCode, @case.Reference, Now));
        return CommandResult.Saved(id());
    }

    /// <summary>The staff of the area who can own an action, by name.</summary>
    internal static async Task<IReadOnlyList<OwnerOption>> OwnersAsync(AsbOpsDbContext db, int areaId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.AreaId == areaId && (u.PrimaryRole == Roles.Officer || u.PrimaryRole == Roles.Sergeant || u.PrimaryRole == Roles.Inspector))
            .OrderBy(u => u.DisplayName)
            .Select(u => new OwnerOption(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
}
