using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Intake.Screening;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Intake.Repeat;

/// <summary>
/// The repeat check for a person being assessed: incidents within the window up to now that are linked to any case
/// the person is on, or that they reported in the case's area. Feeds the hint beside the "repeat victim" question.
/// </summary>
public static class PersonRepeatCheck
{
    public static async Task<RepeatFinding> FindAsync(
        AsbOpsDbContext db, long participantId, int areaId, DateTime now, RepeatThresholds thresholds, CancellationToken cancellationToken)
    {
        var person = await db.CaseParticipants.AsNoTracking().Where(p => p.Id == participantId)
            .Select(p => new { p.PersonId, p.Person!.FirstName, p.Person.LastName })
            .SingleAsync(cancellationToken);
        var from = thresholds.WindowStart(now);
        var window = db.Incidents.AsNoTracking().Where(i => i.ReceivedAt >= from && i.ReceivedAt <= now);
        var personCases = db.CaseParticipants.Where(p => p.PersonId == person.PersonId).Select(p => p.CaseId);

        var onCases = await window.Where(i => i.CaseId != null && personCases.Contains(i.CaseId.Value))
            .OrderByDescending(i => i.ReceivedAt).Take(RepeatDetector.MaxCandidates)
            .Select(i => new { i.Id, i.StormRef, i.ReceivedAt, i.Description, i.ReporterName })
            .ToListAsync(cancellationToken);
        var lastName = person.LastName.Trim().ToUpperInvariant();
        var searchName = Person.ToSearchName(person.FirstName, person.LastName);
        var reported = (await window.Where(i => i.AreaId == areaId && i.ReporterName != null && EF.Functions.Like(i.ReporterName.ToUpper(), "%" + lastName))
                .OrderByDescending(i => i.ReceivedAt).Take(RepeatDetector.MaxCandidates)
                .Select(i => new { i.Id, i.StormRef, i.ReceivedAt, i.Description, i.ReporterName })
                .ToListAsync(cancellationToken))
            .Where(i => CaseSuggester.SearchNames(i.ReporterName).Contains(searchName))
            .ToList();

        var name = $"{person.FirstName} {person.LastName}";
        var incidents = onCases.Select(i => (i, Reason: $"On a case with {name} on it"))
            .Concat(reported.Select(i => (i, Reason: $"Reported by {i.ReporterName}")))
            .GroupBy(x => x.i.Id)
            .Select(g => new RepeatIncident(g.Key, g.First().i.StormRef, g.First().i.ReceivedAt, RepeatDetector.Excerpt(g.First().i.Description),
                [.. g.Select(x => x.Reason).Distinct()]))
            .OrderByDescending(r => r.ReceivedAt)
            .ToList();
        return new RepeatFinding(0, incidents.Count, name, thresholds.WindowDays, incidents.Count >= thresholds.Count, incidents);
    }
}
