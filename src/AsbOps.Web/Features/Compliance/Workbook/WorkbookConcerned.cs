using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Compliance.Workbook;

/// <summary>
/// Who or what a finding is about, in words: the victims or perpetrators without a completed assessment (rules 1
/// and 3), the people whose assessment has unknown answers or a safeguarding concern (rules 4 and 5), and the case's
/// location for the rules about the case as a whole. Read as the people stand when the workbook is built.
/// </summary>
internal static class WorkbookConcerned
{
    public sealed record Participant(long CaseId, string Name, PersonRole Role, bool Assessed, bool Unknown, bool Safeguarding);

    public static async Task<ILookup<long, Participant>> LoadAsync(AsbOpsDbContext db, IReadOnlyList<long> caseIds, CancellationToken cancellationToken) =>
        (await db.CaseParticipants.AsNoTracking()
            .Where(p => caseIds.Contains(p.CaseId))
            .OrderBy(p => p.Id)
            .Select(p => new Participant(
                p.CaseId,
                p.Person!.FirstName + " " + p.Person.LastName,
                p.Role,
                db.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.Status == AssessmentStatus.Complete),
                db.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.UnknownCount > 0),
                db.Assessments.Any(a => a.CaseParticipantId == p.Id && a.IsCurrent && a.SafeguardingConcern)))
            .ToListAsync(cancellationToken))
        .ToLookup(p => p.CaseId);

    public static string Describe(ComplianceRule rule, IEnumerable<Participant> people, string address)
    {
        var names = rule switch
        {
            ComplianceRule.VictimWithoutAssessment => people.Where(p => p.Role == PersonRole.Victim && !p.Assessed),
            ComplianceRule.PerpetratorWithoutAssessment => people.Where(p => p.Role == PersonRole.Perpetrator && !p.Assessed),
            ComplianceRule.UnknownAnswer => people.Where(p => p.Unknown),
            ComplianceRule.SafeguardingWithoutReferral => people.Where(p => p.Safeguarding),
            _ => [],
        };
        var text = string.Join(", ", names.Select(p => p.Name).Distinct());
        return text.Length > 0 ? text : "Location: " + address;
    }
}
