using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Assessments;

/// <summary>The changes one validated save makes to an assessment and what hangs off it.</summary>
internal static class AssessmentWriter
{
    /// <summary>Updates answers in place by question (so the audit trail shows what changed), adds new ones and drops cleared ones.</summary>
    public static void ApplyAnswers(Assessment assessment, MatrixDefinition matrix, IReadOnlyList<AnswerCommand> answers, DateTime now)
    {
        var given = answers.Where(a => a.Value is not null).ToDictionary(a => a.QuestionKey, StringComparer.Ordinal);
        foreach (var stale in assessment.Answers.Where(a => !given.ContainsKey(a.QuestionKey)).ToList())
        {
            assessment.Answers.Remove(stale);
        }

        foreach (var question in matrix.Questions)
        {
            if (!given.TryGetValue(question.Key, out var answer))
            {
                continue;
            }

            var option = question.FindOption(answer.Value)!;
            var explanation = string.IsNullOrWhiteSpace(answer.Explanation) ? null : answer.Explanation.Trim();
            var stored = assessment.Answers.FirstOrDefault(a => a.QuestionKey == question.Key);
            if (stored is null)
            {
                assessment.Answers.Add(new AssessmentAnswer
                {
                    QuestionKey = question.Key,
                    Value = option.Value,
                    Score = option.Score,
                    Explanation = explanation,
                    AnsweredAt = now,
                });
                continue;
            }

            if (stored.Value != option.Value)
            {
                stored.Value = option.Value;
                stored.AnsweredAt = now;
            }

            stored.Score = option.Score;
            stored.Explanation = explanation;
        }
    }

    /// <summary>A draft's judgement is decided afresh at every save, so an earlier approval state never carries over.</summary>
    public static void ApplyJudgement(Assessment assessment, AssessmentCommand command)
    {
        assessment.JudgementLevel = command.JudgementLevel;
        assessment.JudgementRationale = command.JudgementLevel is null || string.IsNullOrWhiteSpace(command.JudgementRationale)
            ? null
            : command.JudgementRationale.Trim();
        assessment.JudgementApproval = OverrideApproval.None;
        assessment.ApprovedByUserId = null;
        assessment.ApprovedAt = null;
        assessment.ApprovalNote = null;
    }

    /// <summary>A completed reassessment replaces the subject's other current assessments; they stay as history.</summary>
    public static async Task SupersedeOthersAsync(AsbOpsDbContext db, Assessment assessment, CancellationToken cancellationToken)
    {
        var others = await AssessmentService.SubjectAssessments(db, assessment.CaseId, assessment.CaseParticipantId, assessment.Kind)
            .Where(a => a.IsCurrent && a.Id != assessment.Id)
            .ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            other.IsCurrent = false;
        }
    }

    /// <summary>
    /// Keeps the assessment's safeguarding referral in step with its safeguarding answer. A draft may hold a part-filled
    /// form once an agency is chosen; a draft whose concern is withdrawn loses its referral.
    /// </summary>
    public static async Task KeepSafeguardingReferralAsync(
        AsbOpsDbContext db, Assessment assessment, bool isNew, SafeguardingForm? form, bool concern, UserScope user, DateTime now,
        CancellationToken cancellationToken)
    {
        // An assessment created by this save can have no referral yet, so the look-up is skipped. A referral lives on its
        // assessment's case: narrowing by case uses the (CaseId, IsSafeguarding) index instead of scanning every referral.
        var referral = isNew
            ? null
            : await db.Referrals.FirstOrDefaultAsync(
                r => r.CaseId == assessment.CaseId && r.IsSafeguarding && r.AssessmentId == assessment.Id, cancellationToken);
        if (!concern || form?.Agency is not { } agency)
        {
            if (referral is not null && !concern)
            {
                db.Referrals.Remove(referral);
            }

            return;
        }

        if (referral is null)
        {
            referral = new Referral
            {
                CaseId = assessment.CaseId,
                CaseParticipantId = assessment.CaseParticipantId,
                AssessmentId = assessment.Id,
                IsSafeguarding = true,
                Reason = $"Safeguarding concern raised in the {assessment.Kind.ToString().ToLowerInvariant()} risk assessment.",
                SentAt = now,
                CreatedByUserId = user.UserId,
            };
            db.Referrals.Add(referral);
        }

        referral.Agency = agency;
        // A safeguarding referral is a referral: the receiving agency sees the case and records its outcome.
        await CaseSharing.ShareWithAsync(db, assessment.CaseId, agency, now, user.UserId, cancellationToken);
        referral.SafeguardingConcerns = Blank(form.Concerns);
        referral.ConsentToShare = form.ConsentToShare;
        referral.ImmediateActions = Blank(form.ImmediateActions);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
