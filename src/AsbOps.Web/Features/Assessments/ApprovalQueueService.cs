using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Assessments;

/// <summary>A completed assessment whose professional judgement lowers a computed high, waiting for a sergeant.</summary>
public sealed record PendingApproval(
    long AssessmentId,
    int Version,
    string CaseReference,
    string AreaCode,
    string Subject,
    AssessmentKind Kind,
    int Score,
    RiskLevel ComputedLevel,
    RiskLevel JudgementLevel,
    string Rationale,
    string? AssessedBy,
    DateTime? CompletedAt);

/// <summary>
/// The sergeant's approval queue. Approving lets the lower level count (the high-risk procedure then recomputes the
/// case, ending markers when it is no longer high); rejecting keeps the computed high. Either way with a note, in one
/// transaction, published after commit. The assessor cannot approve their own judgement.
/// </summary>
public sealed class ApprovalQueueService(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    HighRiskProcedure procedure,
    OpsNotifier notifier,
    TimeProvider clock)
{
    public const int NoteMaxLength = 2000;
    public const string NoteKey = "note";

    public async Task<IReadOnlyList<PendingApproval>> ListAsync(UserScope user, CancellationToken cancellationToken = default)
    {
        if (!CaseEditors.CanApprove(user))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.Cases.AsNoTracking().VisibleTo(db, user).Where(c => c.Status != CaseStatus.Closed);
        var rows = await db.Assessments.AsNoTracking()
            .Where(a => a.JudgementApproval == OverrideApproval.Pending && a.IsCurrent && a.Status == AssessmentStatus.Complete)
            .Join(visible, a => a.CaseId, c => c.Id, (a, c) => new
            {
                a.Id,
                a.Version,
                c.Reference,
                c.Address,
                AreaCode = db.Areas.Where(x => x.Id == c.AreaId).Select(x => x.Code).FirstOrDefault(),
                Person = a.Participant == null ? null : a.Participant.Person!.FirstName + " " + a.Participant.Person.LastName,
                a.Kind,
                a.Score,
                a.ComputedLevel,
                a.JudgementLevel,
                a.JudgementRationale,
                a.CompletedAt,
                AssessedBy = db.Users.Where(u => u.Id == a.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .OrderBy(r => r.CompletedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new PendingApproval(r.Id, r.Version, r.Reference, r.AreaCode ?? "", r.Person ?? r.Address, r.Kind, r.Score,
            r.ComputedLevel, r.JudgementLevel ?? RiskLevel.NotAssessed, r.JudgementRationale ?? "", r.AssessedBy, r.CompletedAt)).ToList();
    }

    public async Task<AssessmentSaveResult> DecideAsync(
        UserScope user, long assessmentId, int expectedVersion, bool approve, string? note, CancellationToken cancellationToken = default)
    {
        if (!CaseEditors.CanApprove(user))
        {
            return AssessmentSaveResult.NotFound();
        }

        if (note is { Length: > NoteMaxLength })
        {
            return AssessmentSaveResult.Invalid(new Dictionary<string, string> { [NoteKey] = $"At most {NoteMaxLength} characters." });
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            return AssessmentSaveResult.Invalid(new Dictionary<string, string> { [NoteKey] = "Say why the lower level is rejected." });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(user.UserId, user.UserName);
        db.Clock = clock;
        var visible = db.Cases.VisibleTo(db, user).Where(c => c.Status != CaseStatus.Closed).Select(c => c.Id);
        var assessment = await db.Assessments.Include(a => a.GuidanceVersion)
            .FirstOrDefaultAsync(a => a.Id == assessmentId && visible.Contains(a.CaseId), cancellationToken);
        if (assessment is null)
        {
            return AssessmentSaveResult.NotFound();
        }

        if (assessment.JudgementApproval != OverrideApproval.Pending || !assessment.IsCurrent || assessment.Version != expectedVersion)
        {
            return AssessmentSaveResult.Conflict("This assessment was decided or changed by someone else. The queue has been refreshed.");
        }

        if (assessment.CreatedByUserId == user.UserId)
        {
            return AssessmentSaveResult.Invalid(new Dictionary<string, string> { [NoteKey] = "Another sergeant must decide on your own professional judgement." });
        }

        var reference = await db.Cases.Where(c => c.Id == assessment.CaseId)
            .Select(c => new { c.Reference, AreaCode = db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        db.Entry(assessment).Property(a => a.Version).OriginalValue = expectedVersion;
        assessment.JudgementApproval = approve ? OverrideApproval.Approved : OverrideApproval.Rejected;
        assessment.ApprovedByUserId = user.UserId;
        assessment.ApprovedAt = now;
        assessment.ApprovalNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        assessment.Level = RiskScorer.EffectiveLevel(assessment.ComputedLevel, assessment.JudgementLevel, assessment.JudgementApproval);

        CaseRiskOutcome outcome;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            outcome = await procedure.ApplyAsync(db, assessment.CaseId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AssessmentSaveResult.Conflict("This assessment was decided or changed by someone else. The queue has been refreshed.");
        }

        foreach (var change in outcome.Changes.Prepend(new OpsChange(OpsChangeKind.AssessmentSaved, reference.AreaCode, reference.Reference, now)))
        {
            notifier.Publish(change);
        }

        return AssessmentSaveResult.Saved(assessment);
    }
}
