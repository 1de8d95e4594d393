using AsbOps.Domain.CaseReviews;
using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.CaseReviews;

/// <summary>The prompt on a case: a victim reported again within the window; tell them about the case review.</summary>
public sealed record CaseReviewPromptView(long IncidentId, string IncidentRef, string? ReporterName, DateTime FirstReportedAt, DateTime ReportedAt);

public sealed record RecordedPromptView(string IncidentRef, CaseReviewPromptOutcome Outcome, string? Reason, DateTime RecordedAt, string RecordedBy);

public sealed record LinkedApplicationView(string Reference, CaseReviewStage Stage, DateTime ReceivedAt);

/// <summary>What the case page shows of case reviews: the pending prompt, the answered ones, the applications about the case.</summary>
public sealed record CasePromptModel(
    long CaseId, bool IsLeadOfficer, bool CanRecord, CaseReviewPromptView? Pending, IReadOnlyList<RecordedPromptView> Recorded,
    IReadOnlyList<LinkedApplicationView> Applications);

/// <summary>The case review prompt on a case page (a fake stands in for it in page tests).</summary>
public interface ICaseReviewPrompts
{
    /// <summary>The case's prompt, answers and applications as the user may see them; null when the user may not.</summary>
    Task<CasePromptModel?> ForCaseAsync(UserScope user, long caseId, CancellationToken cancellationToken = default);

    /// <summary>Records the lead officer's answer to the pending prompt for one incident.</summary>
    Task<CommandResult> RecordAsync(UserScope user, long caseId, long incidentId, PromptInput input, CancellationToken cancellationToken = default);
}

/// <summary>
/// Finds when a victim has reported a second time within the case review window (the same reporter, by phone or name,
/// on two of the case's incidents) and keeps the lead officer's answer: told, or dismissed with a reason. A prompt is
/// pending for the latest such report until answered; an application already made about the case needs no prompt.
/// </summary>
public sealed class CaseReviewPrompts(IDbContextFactory<AsbOpsDbContext> dbFactory, CaseReviewOptions options, OpsNotifier notifier, TimeProvider clock)
    : ICaseReviewPrompts
{
    public async Task<CasePromptModel?> ForCaseAsync(UserScope user, long caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await db.Cases.AsNoTracking().VisibleTo(db, user).Where(c => c.Id == caseId)
            .Select(c => new { c.Id, c.LeadOfficerId, c.Status }).FirstOrDefaultAsync(cancellationToken);
        if (@case is null || user.IsPartner)
        {
            return null;
        }

        var applications = await db.CaseReviewApplications.AsNoTracking().Where(a => a.CaseId == caseId).OrderByDescending(a => a.ReceivedAt)
            .ToListAsync(cancellationToken);
        var recorded = await (from p in db.CaseReviewPrompts.AsNoTracking()
                              where p.CaseId == caseId
                              join i in db.Incidents on p.IncidentId equals i.Id
                              orderby p.RecordedAt descending
                              select new RecordedPromptView(i.StormRef, p.Outcome, p.Reason, p.RecordedAt,
                                  db.Users.Where(u => u.Id == p.RecordedByUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "unknown"))
            .ToListAsync(cancellationToken);
        var pending = @case.Status != CaseStatus.Closed && applications.Count == 0 ? await PendingAsync(db, caseId, cancellationToken) : null;
        return new CasePromptModel(caseId, @case.LeadOfficerId == user.UserId, CaseReviewAccess.CanEdit(user), pending, recorded,
            applications.Select(a => new LinkedApplicationView(a.Reference, a.Stage, a.ReceivedAt)).ToList());
    }

    public async Task<CommandResult> RecordAsync(UserScope user, long caseId, long incidentId, PromptInput input, CancellationToken cancellationToken = default)
    {
        if (!CaseReviewAccess.CanEdit(user))
        {
            return CommandResult.Refused("Only the area's officers, sergeant and inspector (or an admin) may answer the prompt.");
        }

        var errors = StepRules.Prompt(input);
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(user.UserId, user.UserName);
        db.Clock = clock;
        var @case = await db.Cases.AsNoTracking().VisibleTo(db, user).Where(c => c.Id == caseId)
            .Select(c => new { c.Reference, AreaCode = db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).First() })
            .FirstOrDefaultAsync(cancellationToken);
        if (@case is null)
        {
            return CommandResult.NotFound();
        }

        if (await PendingAsync(db, caseId, cancellationToken) is not { } pending || pending.IncidentId != incidentId)
        {
            return CommandResult.Refused("This prompt was already answered or is no longer pending; reload the case.");
        }

        db.CaseReviewPrompts.Add(new CaseReviewPrompt
        {
            CaseId = caseId,
            IncidentId = incidentId,
            Outcome = input.Outcome!.Value,
            Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedByUserId = user.UserId,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return CommandResult.Refused("Someone else answered this prompt first; reload the case.");
        }

        notifier.Publish(new OpsChange(OpsChangeKind.CaseChanged, @case.AreaCode, @case.Reference, clock.GetUtcNow().UtcDateTime));
        return CommandResult.Saved();
    }

    /// <summary>The latest report by a victim who reported before within the window, unless its prompt was answered.</summary>
    private async Task<CaseReviewPromptView?> PendingAsync(AsbOpsDbContext db, long caseId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = RepeatVictimReport.WindowStart(now, options.Settings.Threshold.WindowMonths);
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.CaseId == caseId && i.ReceivedAt >= from && i.ReceivedAt <= now)
            .Select(i => new CaseReport(i.Id, i.StormRef, i.ReceivedAt, i.ReporterName, i.ReporterPhone))
            .ToListAsync(cancellationToken);
        if (RepeatVictimReport.Latest(incidents, now, options.Settings.Threshold.WindowMonths) is not { } again)
        {
            return null;
        }

        var answered = await db.CaseReviewPrompts.AnyAsync(p => p.CaseId == caseId && p.IncidentId == again.Latest.IncidentId, cancellationToken);
        return answered
            ? null
            : new CaseReviewPromptView(again.Latest.IncidentId, again.Latest.Reference, again.Latest.ReporterName, again.First.ReceivedAt,
                again.Latest.ReceivedAt);
    }
}
