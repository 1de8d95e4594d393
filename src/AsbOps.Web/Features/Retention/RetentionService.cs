using AsbOps.Domain.Cases;
using AsbOps.Domain.Retention;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Retention;

/// <summary>
/// The retention review of closed cases (Data Protection Act 2018, Part 3): a compliance officer lists the cases whose
/// review date has come and either retains one (a reason and the next review date) or disposes of its personal data
/// (<see cref="CaseDisposal"/>). Nothing is disposed of automatically; every decision is kept and audited.
/// </summary>
public sealed class RetentionService(IDbContextFactory<AsbOpsDbContext> dbFactory, TimeProvider clock, CaseDisposal disposal) : IRetentionService
{
    public const string ReasonKey = "reason";
    public const string DateKey = "nextReviewDue";
    public const int MaxYearsAhead = 25;

    public static bool MayDecide(UserScope user) => user.Role == Roles.Compliance;

    public async Task<IReadOnlyList<RetentionRow>> DueAsync(UserScope user, DateTime dueBy, CancellationToken cancellationToken = default)
    {
        if (!MayDecide(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var areas = db.Areas.AsNoTracking();
        return await db.Cases.AsNoTracking().VisibleTo(db, user)
            .Where(c => c.Status == CaseStatus.Closed && c.DisposedAt == null && c.RetentionReviewDue != null && c.RetentionReviewDue <= dueBy)
            .OrderBy(c => c.RetentionReviewDue).ThenBy(c => c.Id)
            .Take(500)
            .Select(c => new RetentionRow(
                c.Id, c.Reference, areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).First(), c.Category, c.OpenedAt, c.ClosedAt!.Value,
                c.ClosureReason, c.RetentionReviewDue!.Value, c.Participants.Count, db.RetentionDecisions.Count(d => d.CaseId == c.Id), c.Version))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RetentionHistoryRow>> HistoryAsync(UserScope user, int take, CancellationToken cancellationToken = default)
    {
        if (!MayDecide(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = db.Cases.AsNoTracking();
        return await db.RetentionDecisions.AsNoTracking()
            .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Take(take)
            .Select(d => new RetentionHistoryRow(cases.Where(c => c.Id == d.CaseId).Select(c => c.Reference).First(), d.Outcome, d.Reason, d.DecidedAt, d.DecidedByName, d.NextReviewDue))
            .ToListAsync(cancellationToken);
    }

    public async Task<CommandResult> RetainAsync(UserScope user, long caseId, int version, RetainInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string>();
        CheckReason(input.Reason, errors);
        if (input.NextReviewDue is not { } next)
        {
            errors[DateKey] = "Give the date of the next review.";
        }
        else if (next.Date <= now.Date)
        {
            errors[DateKey] = "The next review must be after today.";
        }
        else if (next > now.AddYears(MaxYearsAhead))
        {
            errors[DateKey] = $"The next review must be within {MaxYearsAhead} years.";
        }

        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await OpenAsync(user, cancellationToken);
        var (@case, refusal) = await FindAsync(db, user, caseId, version, cancellationToken);
        if (@case is null)
        {
            return refusal!;
        }

        var due = DateTime.SpecifyKind(input.NextReviewDue!.Value.Date, DateTimeKind.Utc);
        @case.RetentionReviewDue = due;
        db.RetentionDecisions.Add(new RetentionDecision
        {
            CaseId = @case.Id,
            Outcome = RetentionOutcome.Retained,
            Reason = input.Reason!.Trim(),
            NextReviewDue = due,
            DecidedAt = now,
            DecidedByUserId = NullIfEmpty(user.UserId),
            DecidedByName = user.UserName,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Saved(@case.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Conflict();
        }
    }

    public async Task<CommandResult> DisposeAsync(UserScope user, long caseId, int version, DisposeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        CheckReason(input.Reason, errors);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await OpenAsync(user, cancellationToken);
        var (@case, refusal) = await FindAsync(db, user, caseId, version, cancellationToken);
        if (@case is null)
        {
            return refusal!;
        }

        return await disposal.DisposeAsync(db, @case, user, input.Reason!.Trim(), cancellationToken);
    }

    private async Task<(AsbCase? Case, CommandResult? Refusal)> FindAsync(AsbOpsDbContext db, UserScope user, long caseId, int version, CancellationToken cancellationToken)
    {
        if (!MayDecide(user))
        {
            return (null, CommandResult.Refused("Only a compliance officer decides whether a closed case is retained or disposed of."));
        }

        var @case = await db.Cases.VisibleTo(db, user).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (@case is null)
        {
            return (null, CommandResult.NotFound());
        }

        if (@case.DisposedAt is { } disposed)
        {
            return (null, CommandResult.Refused($"Case {@case.Reference} was disposed of on {CaseDisplay.Date(disposed)}."));
        }

        if (@case.Status != CaseStatus.Closed || @case.RetentionReviewDue is null)
        {
            return (null, CommandResult.Refused($"Case {@case.Reference} is not closed: only closed cases are reviewed for retention."));
        }

        if (@case.Version != version)
        {
            return (null, CommandResult.Conflict());
        }

        return (@case, null);
    }

    private static void CheckReason(string? reason, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors[ReasonKey] = "Give the reason for the decision.";
        }
        else if (reason.Trim().Length > RetentionDecision.MaxReason)
        {
            errors[ReasonKey] = $"Keep the reason to {RetentionDecision.MaxReason} characters.";
        }
    }

    private async Task<AsbOpsDbContext> OpenAsync(UserScope user, CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(NullIfEmpty(user.UserId), user.UserName);
        db.Clock = clock;
        return db;
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
