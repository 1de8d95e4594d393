using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// Reads a case's assessments (current and superseded) with their answers, the guidance versions they were made
/// under and the names of who made and approved them: three queries whatever the number of assessments.
/// </summary>
public sealed class CaseAssessmentsReader(AsbOpsDbContext db)
{
    public async Task<IReadOnlyList<CaseAssessmentView>> ReadAsync(
        long caseId, string caseAddress, IReadOnlyList<CasePersonView> people, DateTime now, CancellationToken cancellationToken)
    {
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.CaseId == caseId)
            .OrderByDescending(a => a.IsCurrent).ThenByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Select(a => new
            {
                Assessment = a,
                Answers = a.Answers.Select(x => new StoredAnswer(x.QuestionKey, x.Value, x.Score, x.Explanation, x.AnsweredAt)).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (assessments.Count == 0)
        {
            return [];
        }

        var versionIds = assessments.Select(a => a.Assessment.GuidanceVersionId).Distinct().ToList();
        var versions = await db.GuidanceVersions.AsNoTracking()
            .Where(g => versionIds.Contains(g.Id))
            .Select(g => new { g.Id, g.Number, g.Definition })
            .ToDictionaryAsync(g => g.Id, cancellationToken);

        var userIds = assessments
            .SelectMany(a => new[] { a.Assessment.CreatedByUserId, a.Assessment.ApprovedByUserId })
            .OfType<string>().Distinct().ToList();
        var userNames = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var participants = people.ToDictionary(p => p.ParticipantId);
        return assessments.Select(row =>
        {
            var a = row.Assessment;
            var version = versions.GetValueOrDefault(a.GuidanceVersionId);
            var person = a.CaseParticipantId is { } pid ? participants.GetValueOrDefault(pid) : null;
            return new CaseAssessmentView
            {
                Id = a.Id,
                Kind = a.Kind,
                Subject = person?.Name ?? (a.Kind == AssessmentKind.Location ? caseAddress : "Unknown person"),
                Role = person?.Role,
                GuidanceVersionNumber = version?.Number ?? 0,
                MatrixTitle = AssessmentAnswerRenderer.MatrixTitle(version?.Definition, a.Kind),
                Status = a.Status,
                CreatedAt = a.CreatedAt,
                CreatedByName = userNames.GetValueOrDefault(a.CreatedByUserId),
                CompletedAt = a.CompletedAt,
                IsCurrent = a.IsCurrent,
                Score = a.Score,
                ComputedLevel = a.ComputedLevel,
                JudgementLevel = a.JudgementLevel,
                JudgementRationale = a.JudgementRationale,
                JudgementApproval = a.JudgementApproval,
                ApprovedByName = a.ApprovedByUserId is { } approver ? userNames.GetValueOrDefault(approver) : null,
                ApprovedAt = a.ApprovedAt,
                ApprovalNote = a.ApprovalNote,
                Level = a.Level,
                UnknownCount = a.UnknownCount,
                SafeguardingConcern = a.SafeguardingConcern,
                Answers = AssessmentAnswerRenderer.Render(version?.Definition, a.Kind, row.Answers, now),
            };
        }).ToList();
    }
}
