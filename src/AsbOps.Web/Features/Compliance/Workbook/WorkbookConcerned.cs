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
    /// <summary>
    /// The names of the people on <paramref name="caseIds"/> that <paramref name="rule"/> is about, by case, in the order
    /// they were added. Only those people are read, with the one test the rule needs; none for a case-wide rule.
    /// </summary>
    public static async Task<ILookup<long, string>> LoadAsync(
        AsbOpsDbContext db, ComplianceRule rule, IReadOnlyList<long> caseIds, CancellationToken cancellationToken)
    {
        if (!AboutPeople(rule))
        {
            return Array.Empty<(long, string)>().ToLookup(p => p.Item1, p => p.Item2);
        }

        var current = db.Assessments.Where(a => a.IsCurrent);
        var people = db.CaseParticipants.AsNoTracking().Where(p => caseIds.Contains(p.CaseId));
        people = rule switch
        {
            ComplianceRule.VictimWithoutAssessment => people.Where(p =>
                p.Role == PersonRole.Victim && !current.Any(a => a.CaseParticipantId == p.Id && a.Status == AssessmentStatus.Complete)),
            ComplianceRule.PerpetratorWithoutAssessment => people.Where(p =>
                p.Role == PersonRole.Perpetrator && !current.Any(a => a.CaseParticipantId == p.Id && a.Status == AssessmentStatus.Complete)),
            ComplianceRule.UnknownAnswer => people.Where(p => current.Any(a => a.CaseParticipantId == p.Id && a.UnknownCount > 0)),
            ComplianceRule.SafeguardingWithoutReferral => people.Where(p => current.Any(a => a.CaseParticipantId == p.Id && a.SafeguardingConcern)),
            _ => people,
        };
        return (await people.OrderBy(p => p.Id).Select(p => new { p.CaseId, Name = p.Person!.FirstName + " " + p.Person.LastName })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.CaseId, p => p.Name);
    }

    public static string Describe(IEnumerable<string> names, string address)
    {
        var text = string.Join(", ", names.Distinct());
        return text.Length > 0 ? text : "Location: " + address;
    }

    private static bool AboutPeople(ComplianceRule rule) => rule is ComplianceRule.VictimWithoutAssessment or ComplianceRule.PerpetratorWithoutAssessment
        or ComplianceRule.UnknownAnswer or ComplianceRule.SafeguardingWithoutReferral;
}
