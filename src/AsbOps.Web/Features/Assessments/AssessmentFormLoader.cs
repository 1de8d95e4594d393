using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Intake.Repeat;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Assessments;

/// <summary>
/// Opens the form for one subject: its current draft if there is one (under the draft's own guidance version), else a
/// new assessment under the newest version, started from the previous answers when that version is the same.
/// </summary>
internal sealed class AssessmentFormLoader(IDbContextFactory<AsbOpsDbContext> dbFactory, RepeatThresholds thresholds, TimeProvider clock)
{
    public async Task<AssessmentFormData?> LoadAsync(UserScope user, string caseReference, long? participantId, CancellationToken cancellationToken)
    {
        if (!CaseEditors.CanEdit(user) || !CaseReference.TryParse(caseReference, out var parsed))
        {
            return null;
        }

        var canonical = parsed.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var @case = await db.Cases.AsNoTracking().VisibleTo(db, user)
            .Where(c => c.Reference == canonical && c.Status != CaseStatus.Closed)
            .Select(c => new { c.Id, c.Reference, c.Address, c.Postcode, c.AreaId })
            .FirstOrDefaultAsync(cancellationToken);
        if (@case is null)
        {
            return null;
        }

        string subject = $"{@case.Address}, {@case.Postcode}";
        PersonRole? role = null;
        if (participantId is { } pid)
        {
            var person = await db.CaseParticipants.AsNoTracking()
                .Where(p => p.Id == pid && p.CaseId == @case.Id)
                .Select(p => new { p.Role, Name = p.Person!.FirstName + " " + p.Person.LastName })
                .FirstOrDefaultAsync(cancellationToken);
            if (person is null)
            {
                return null;
            }

            subject = person.Name;
            role = person.Role;
        }

        var kind = role is { } r ? AssessmentFormData.KindFor(r) : AssessmentKind.Location;
        var current = await AssessmentService.SubjectAssessments(db, @case.Id, participantId, kind).AsNoTracking()
            .Where(a => a.IsCurrent)
            .OrderByDescending(a => a.Id)
            .Include(a => a.Answers)
            .Include(a => a.GuidanceVersion)
            .ToListAsync(cancellationToken);
        var form = new AssessmentFormData
        {
            CaseId = @case.Id,
            CaseReference = @case.Reference,
            CaseParticipantId = participantId,
            Kind = kind,
            Subject = subject,
            Role = role,
            GuidanceVersionNumber = 0,
            Guidance = RiskGuidanceV1.Definition,
            RepeatVictimHint = kind == AssessmentKind.Victim && participantId is { } victim
                ? await PersonRepeatCheck.FindAsync(db, victim, @case.AreaId, clock.GetUtcNow().UtcDateTime, thresholds, cancellationToken)
                : null,
        };

        var draft = current.FirstOrDefault(a => a.Status == AssessmentStatus.Draft);
        if (draft is not null)
        {
            var referral = await db.Referrals.AsNoTracking()
                .Where(x => x.AssessmentId == draft.Id && x.IsSafeguarding)
                .Select(x => new SafeguardingForm(x.Agency, x.SafeguardingConcerns, x.ConsentToShare, x.ImmediateActions))
                .FirstOrDefaultAsync(cancellationToken);
            return form with
            {
                GuidanceVersionNumber = draft.GuidanceVersion!.Number,
                Guidance = draft.GuidanceVersion.Definition,
                AssessmentId = draft.Id,
                Version = draft.Version,
                IsReassessment = current.Any(a => a.Status == AssessmentStatus.Complete),
                Answers = ToCommands(draft.Answers),
                JudgementLevel = draft.JudgementLevel,
                JudgementRationale = draft.JudgementRationale,
                Safeguarding = referral,
            };
        }

        var newest = await db.GuidanceVersions.AsNoTracking().OrderByDescending(g => g.Number).FirstAsync(cancellationToken);
        var previous = current.FirstOrDefault();
        var matrix = newest.Definition.Matrix(kind);
        return form with
        {
            GuidanceVersionNumber = newest.Number,
            Guidance = newest.Definition,
            BasedOnAssessmentId = previous?.Id,
            IsReassessment = previous is not null,
            // Starting from the previous answers saves retyping; under another version the questions may differ, so start afresh.
            Answers = previous is not null && previous.GuidanceVersionId == newest.Id
                ? ToCommands(previous.Answers.Where(a => matrix.FindQuestion(a.QuestionKey) is not null))
                : [],
        };
    }

    private static List<AnswerCommand> ToCommands(IEnumerable<AssessmentAnswer> answers) =>
        answers.Select(a => new AnswerCommand(a.QuestionKey, a.Value, a.Explanation)).ToList();
}
