using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.HighRisk;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Assessments;

/// <summary>
/// Validates and stores assessments. One save is one transaction: the assessment, its answers, its safeguarding
/// referral, the superseding of the assessment it replaces and the high-risk procedure commit together or not at
/// all; the live changes are published after the commit. A stale write (someone else saved first) is refused as a
/// conflict, never applied over theirs.
/// </summary>
public sealed class AssessmentService(
    IDbContextFactory<AsbOpsDbContext> dbFactory,
    HighRiskProcedure procedure,
    GuidanceDefinitionCache guidanceCache,
    OpsNotifier notifier,
    RepeatThresholds thresholds,
    TimeProvider clock) : IAssessmentService
{
    public Task<AssessmentFormData?> LoadFormAsync(UserScope user, string caseReference, long? participantId, CancellationToken cancellationToken = default) =>
        new AssessmentFormLoader(dbFactory, thresholds, clock).LoadAsync(user, caseReference, participantId, cancellationToken);

    public async Task<AssessmentSaveResult> SaveAsync(AssessmentCommand command, UserScope user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(user);
        if (!CaseEditors.CanEdit(user))
        {
            return AssessmentSaveResult.NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.AuditActor = new AuditActor(user.UserId, user.UserName);
        db.Clock = clock;

        var @case = await db.Cases.AsNoTracking().VisibleTo(db, user)
            .Where(c => c.Id == command.CaseId && c.Status != CaseStatus.Closed)
            .Select(c => new { c.Id, c.Reference, AreaCode = db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (@case is null)
        {
            return AssessmentSaveResult.NotFound();
        }

        var kind = await SubjectKindAsync(db, command, cancellationToken);
        if (kind is null)
        {
            return AssessmentSaveResult.NotFound();
        }

        if (kind != command.Kind)
        {
            return AssessmentSaveResult.Invalid(new Dictionary<string, string> { ["kind"] = $"This subject is assessed with the {kind} matrix." });
        }

        CaseRiskOutcome outcome;
        Assessment assessment;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Any failure below abandons the whole transaction, so the savepoint EF would set and release around each of
            // the save's SaveChanges calls is never rolled back to: skipping it saves those statements on every save.
            db.Database.AutoSavepointsEnabled = false;
            var opened = await OpenAsync(db, guidanceCache, command, kind.Value, user, now, cancellationToken);
            if (opened.Refusal is not null)
            {
                return opened.Refusal;
            }

            assessment = opened.Assessment!;
            var guidance = opened.Guidance!;
            var errors = AssessmentValidator.Validate(guidance.Matrix(kind.Value), command);
            if (errors.Count > 0)
            {
                return AssessmentSaveResult.Invalid(errors);
            }

            AssessmentWriter.ApplyAnswers(assessment, guidance.Matrix(kind.Value), command.Answers, now);
            AssessmentWriter.ApplyJudgement(assessment, command);
            var evaluation = assessment.Recalculate(guidance);
            if (command.Complete)
            {
                assessment.Status = AssessmentStatus.Complete;
                assessment.CompletedAt = now;
                await AssessmentWriter.SupersedeOthersAsync(db, assessment, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await AssessmentWriter.KeepSafeguardingReferralAsync(db, assessment, command.AssessmentId is null, command.Safeguarding, evaluation.SafeguardingConcern, user, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            outcome = await procedure.ApplyAsync(db, @case.Id, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AssessmentSaveResult.Conflict(await ConflictMessageAsync(command, cancellationToken));
        }

        foreach (var change in outcome.Changes.Prepend(new OpsChange(OpsChangeKind.AssessmentSaved, @case.AreaCode, @case.Reference, now)))
        {
            notifier.Publish(change);
        }

        return AssessmentSaveResult.Saved(assessment);
    }

    private static async Task<AssessmentKind?> SubjectKindAsync(AsbOpsDbContext db, AssessmentCommand command, CancellationToken cancellationToken)
    {
        if (command.CaseParticipantId is not { } participantId)
        {
            return AssessmentKind.Location;
        }

        var role = await db.CaseParticipants.AsNoTracking()
            .Where(p => p.Id == participantId && p.CaseId == command.CaseId)
            .Select(p => (PersonRole?)p.Role)
            .FirstOrDefaultAsync(cancellationToken);
        return role is { } r ? AssessmentFormData.KindFor(r) : null;
    }

    private sealed record Opened(Assessment? Assessment, GuidanceDefinition? Guidance, AssessmentSaveResult? Refusal);

    /// <summary>The draft to update (with the version the user saw as its concurrency token) or a new assessment.</summary>
    private static async Task<Opened> OpenAsync(
        AsbOpsDbContext db, GuidanceDefinitionCache guidanceCache, AssessmentCommand command, AssessmentKind kind, UserScope user, DateTime now, CancellationToken cancellationToken)
    {
        if (command.AssessmentId is { } id)
        {
            var draft = await db.Assessments.Include(a => a.Answers).Include(a => a.GuidanceVersion)
                .FirstOrDefaultAsync(a => a.Id == id && a.CaseId == command.CaseId && a.CaseParticipantId == command.CaseParticipantId && a.Kind == kind, cancellationToken);
            if (draft is null)
            {
                return new Opened(null, null, AssessmentSaveResult.NotFound());
            }

            if (draft.Status == AssessmentStatus.Complete || !draft.IsCurrent)
            {
                return new Opened(null, null, AssessmentSaveResult.Conflict(
                    "This assessment was completed or replaced by someone else after you opened it. Reload to see theirs; your answers are kept to re-apply in a reassessment."));
            }

            if (command.ExpectedVersion is not { } expected)
            {
                return new Opened(null, null, AssessmentSaveResult.Invalid(new Dictionary<string, string> { ["expectedVersion"] = "Required when saving a draft." }));
            }

            // The row is always written, so a stale save fails even when only answers changed.
            var token = db.Entry(draft).Property(a => a.Version);
            token.OriginalValue = expected;
            token.IsModified = true;
            return new Opened(draft, draft.GuidanceVersion!.Definition, null);
        }

        var newest = await SubjectAssessments(db, command.CaseId, command.CaseParticipantId, kind)
            .Where(a => a.IsCurrent).OrderByDescending(a => a.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (newest != command.BasedOnAssessmentId)
        {
            return new Opened(null, null, AssessmentSaveResult.Conflict(
                "Someone else started or saved an assessment of this subject after you opened the form. Nothing of yours was saved; reload theirs, or re-apply your answers to it."));
        }

        var (versionId, definition) = await guidanceCache.NewestAsync(db, cancellationToken);
        var assessment = new Assessment
        {
            CaseId = command.CaseId,
            CaseParticipantId = command.CaseParticipantId,
            Kind = kind,
            GuidanceVersionId = versionId,
            CreatedAt = now,
            CreatedByUserId = user.UserId,
        };
        db.Assessments.Add(assessment);
        return new Opened(assessment, definition, null);
    }

    internal static IQueryable<Assessment> SubjectAssessments(AsbOpsDbContext db, long caseId, long? participantId, AssessmentKind kind) =>
        participantId is { } pid
            ? db.Assessments.Where(a => a.CaseId == caseId && a.CaseParticipantId == pid)
            : db.Assessments.Where(a => a.CaseId == caseId && a.CaseParticipantId == null && a.Kind == kind);

    /// <summary>Names who saved last, from the audit trail, so the user knows whose work they would overwrite.</summary>
    private async Task<string> ConflictMessageAsync(AssessmentCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = command.AssessmentId?.ToString(CultureInfo.InvariantCulture);
        var last = id is null
            ? null
            : await db.AuditEntries.AsNoTracking()
                .Where(e => e.EntityType == nameof(Assessment) && e.EntityId == id)
                .OrderByDescending(e => e.Id).Select(e => new { e.UserName, e.At }).FirstOrDefaultAsync(cancellationToken);
        var who = last is null ? "Someone else" : $"{last.UserName} ({CaseDisplay.DateAndTime(last.At)})";
        return $"{who} saved this assessment after you opened it. Nothing of yours was saved: reload theirs, or re-apply your answers to their version and save again.";
    }
}
