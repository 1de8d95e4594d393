using AsbOps.Domain.Cases;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Features.Retention;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// Reviews and closes cases for the area's sergeant and inspector (or an admin). Closing runs the high-risk procedure
/// in the same transaction, so the case never stands closed with its markers still active; changes are published
/// after the commit.
/// </summary>
public sealed class CaseReviewService(
    IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock, IOptions<ComplianceOptions> compliance,
    HighRiskProcedure highRisk, OpsNotifier notifier, IOptions<RetentionOptions> retention) : ICaseReviewService
{
    public const int MaxNote = 2000;

    public static class Fields
    {
        public const string Note = nameof(ReviewInput.Note);
        public const string Status = nameof(ReviewInput.Status);
        public const string Reason = nameof(CloseInput.Reason);
    }

    public async Task<CaseStateModel?> GetStateAsync(UserScope user, string? reference, CancellationToken cancellationToken = default)
    {
        if (!CaseReference.TryParse(reference, out var parsed))
        {
            return null;
        }

        var canonical = parsed.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var canReview = CaseManagementRoles.CanReview(user);
        return await db.Cases.AsNoTracking().VisibleTo(db, user).Where(c => c.Reference == canonical)
            .Select(c => new CaseStateModel(c.Id, c.Reference, c.Status, c.RiskLevel, c.Version, c.LastReviewedAt, c.NextReviewDue, c.ClosedAt, canReview))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public static Dictionary<string, string> Validate(ReviewInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.Note is { } note && note.Trim().Length > MaxNote)
        {
            errors[Fields.Note] = $"At most {MaxNote} characters.";
        }

        if (input.Status is not (CaseStatus.Open or CaseStatus.UnderReview))
        {
            errors[Fields.Status] = "After a review the case stays open or under review; close it with Close case.";
        }

        return errors;
    }

    public static Dictionary<string, string> Validate(CloseInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            errors[Fields.Reason] = "Choose why the case is closed.";
        }

        return errors;
    }

    public async Task<CommandResult> ReviewAsync(UserScope user, long caseId, ReviewInput input, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await OpenAsync(user, cancellationToken);
        var @case = await db.Cases.VisibleTo(db, user).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || !CaseManagementRoles.CanReview(user))
        {
            return CommandResult.NotFound();
        }

        if (@case.Status == CaseStatus.Closed)
        {
            return CommandResult.Refused($"Case {@case.Reference} is closed; a closed case is not reviewed.");
        }

        db.Entry(@case).Property(c => c.Version).OriginalValue = input.Version;
        var next = compliance.Value.ToThresholds().Cadence.NextReviewDue(now, @case.RiskLevel);
        @case.LastReviewedAt = now;
        @case.NextReviewDue = next;
        @case.Status = input.Status;
        db.CaseReviews.Add(new CaseReview
        {
            CaseId = @case.Id,
            ReviewedAt = now,
            ReviewedByUserId = user.UserId,
            RiskLevel = @case.RiskLevel,
            StatusAfter = input.Status,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            NextReviewDue = next,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }

        await PublishAsync(db, @case, [], now, cancellationToken);
        return CommandResult.Saved(@case.Id);
    }

    public async Task<CommandResult> CloseAsync(UserScope user, long caseId, CloseInput input, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await OpenAsync(user, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var @case = await db.Cases.VisibleTo(db, user).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null || !CaseManagementRoles.CanReview(user))
        {
            return CommandResult.NotFound();
        }

        if (@case.Status == CaseStatus.Closed)
        {
            return CommandResult.Refused(
                $"Case {@case.Reference} is already closed ({CaseDisplay.DateAndTime(@case.ClosedAt ?? now)}); it cannot be closed twice.");
        }

        db.Entry(@case).Property(c => c.Version).OriginalValue = input.Version;
        @case.Close(input.Reason!.Value, now, retention.Value.ReviewAfterYears);
        CaseRiskOutcome outcome;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            outcome = await highRisk.ApplyAsync(db, @case.Id, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }

        await PublishAsync(db, @case, outcome.Changes, now, cancellationToken);
        return CommandResult.Saved(@case.Id);
    }

    private async Task<AsbOpsDbContext> OpenAsync(UserScope user, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(string.IsNullOrEmpty(user.UserId) ? null : user.UserId, user.UserName);
        db.Clock = clock;
        return db;
    }

    private async Task PublishAsync(AsbOpsDbContext db, AsbCase @case, IReadOnlyList<OpsChange> extra, DateTime now, CancellationToken cancellationToken)
    {
        var areaCode = await db.Areas.Where(a => a.Id == @case.AreaId).Select(a => a.Code).SingleAsync(cancellationToken);
        var changes = extra.Where(c => c.Kind != OpsChangeKind.CaseChanged).Prepend(new OpsChange(OpsChangeKind.CaseChanged, areaCode, @case.Reference, now));
        foreach (var change in changes)
        {
            notifier.Publish(change);
        }
    }
}
