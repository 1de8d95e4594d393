using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Data.Auditing;
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

        SaveHead? head;
        CaseRiskOutcome outcome;
        Assessment assessment;
        try
        {
            // Begun before the first read, so what the save checks (the newest assessment it must be based on) is read in
            // the same transaction that writes over it.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Any failure below abandons the whole transaction, so the savepoint EF would set and release around a
            // SaveChanges call is never rolled back to: skipping it saves those statements.
            db.Database.AutoSavepointsEnabled = false;
            head = await HeadAsync(db, user, command, cancellationToken);
            var kind = head is null ? null
                : command.CaseParticipantId is null ? AssessmentKind.Location
                : head.Role is { } role ? AssessmentFormData.KindFor(role)
                : (AssessmentKind?)null;
            if (head is null || kind is null)
            {
                return AssessmentSaveResult.NotFound();
            }

            if (kind != command.Kind)
            {
                return AssessmentSaveResult.Invalid(new Dictionary<string, string> { ["kind"] = $"This subject is assessed with the {kind} matrix." });
            }

            var opened = await OpenAsync(db, guidanceCache, head, command, kind.Value, user, now, cancellationToken);
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

            // A referral names its assessment by key, so a new assessment is stored first when it needs one; otherwise the
            // whole change (assessment, answers, superseded ones, risk levels, markers, alerts) is the procedure's one save.
            if (command.AssessmentId is null && evaluation.SafeguardingConcern && command.Safeguarding?.Agency is not null)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await AssessmentWriter.KeepSafeguardingReferralAsync(db, assessment, command.AssessmentId is null, command.Safeguarding, evaluation.SafeguardingConcern, user, now, cancellationToken);
            outcome = await procedure.ApplyAsync(db, head.Id, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return AssessmentSaveResult.Conflict(await ConflictMessageAsync(command, cancellationToken));
        }

        foreach (var change in outcome.Changes.Prepend(new OpsChange(OpsChangeKind.AssessmentSaved, head.AreaCode, head.Reference, now)))
        {
            notifier.Publish(change);
        }

        return AssessmentSaveResult.Saved(assessment);
    }

    /// <summary>What a save needs to know before it starts, in one round trip.</summary>
    private sealed record SaveHead(long Id, string Reference, string? AreaCode, PersonRole? Role, long? NewestAssessmentId, int? NewestGuidanceId);

    /// <summary>
    /// The open case the user may edit, with its area, the subject's role on it, the subject's newest current assessment
    /// (what a new assessment must be based on) and the newest guidance version; null when the case is not theirs to edit.
    /// </summary>
    private static Task<SaveHead?> HeadAsync(AsbOpsDbContext db, UserScope user, AssessmentCommand command, CancellationToken cancellationToken)
    {
        var caseId = command.CaseId;
        var participantId = command.CaseParticipantId;
        var subject = SubjectAssessments(db, caseId, participantId, AssessmentKind.Location).Where(a => a.IsCurrent);
        return db.Cases.AsNoTracking().VisibleTo(db, user)
            .Where(c => c.Id == caseId && c.Status != CaseStatus.Closed)
            .Select(c => new SaveHead(
                c.Id,
                c.Reference,
                db.Areas.Where(a => a.Id == c.AreaId).Select(a => a.Code).FirstOrDefault(),
                db.CaseParticipants.Where(p => p.Id == participantId && p.CaseId == c.Id).Select(p => (PersonRole?)p.Role).FirstOrDefault(),
                subject.OrderByDescending(a => a.Id).Select(a => (long?)a.Id).FirstOrDefault(),
                db.GuidanceVersions.OrderByDescending(g => g.Number).Select(g => (int?)g.Id).FirstOrDefault()))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private sealed record Opened(Assessment? Assessment, GuidanceDefinition? Guidance, AssessmentSaveResult? Refusal);

    /// <summary>The draft to update (with the version the user saw as its concurrency token) or a new assessment.</summary>
    private static async Task<Opened> OpenAsync(
        AsbOpsDbContext db, GuidanceDefinitionCache guidanceCache, SaveHead head, AssessmentCommand command, AssessmentKind kind, UserScope user,
        DateTime now, CancellationToken cancellationToken)
    {
        if (command.AssessmentId is { } id)
        {
            var draft = await db.Assessments.Include(a => a.Answers)
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
            return new Opened(draft, await guidanceCache.DefinitionAsync(db, draft.GuidanceVersionId, cancellationToken), null);
        }

        if (head.NewestAssessmentId != command.BasedOnAssessmentId)
        {
            return new Opened(null, null, AssessmentSaveResult.Conflict(
                "Someone else started or saved an assessment of this subject after you opened the form. Nothing of yours was saved; reload theirs, or re-apply your answers to it."));
        }

        var versionId = head.NewestGuidanceId ?? throw new InvalidOperationException("No risk guidance version is published.");
        var definition = await guidanceCache.DefinitionAsync(db, versionId, cancellationToken);
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
