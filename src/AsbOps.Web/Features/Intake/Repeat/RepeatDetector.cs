using AsbOps.Domain.Incidents;
using AsbOps.Domain.Places;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Intake.Screening;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Intake.Repeat;

/// <summary>
/// Finds the earlier incidents within the repeat window at the same address (same postcode, same address key) or
/// involving the reporter (as the reporter of another incident in the area, or as a person on a case with linked
/// incidents). A fixed number of indexed, projected queries: postcode, (area, received) and the people's search name.
/// </summary>
public sealed class RepeatDetector(IDbContextFactory<AsbOpsDbContext> dbFactory, RepeatThresholds thresholds)
{
    /// <summary>Enough to show and to count past any sensible threshold, without reading a hot spot's whole history.</summary>
    public const int MaxCandidates = 100;

    private const int ExcerptLength = 120;

    /// <summary>Null when the incident does not exist or the user may not see it.</summary>
    public async Task<RepeatFinding?> FindAsync(UserScope scope, long incidentId, CancellationToken cancellationToken = default)
    {
        if (scope.IsPartner)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var incident = await Visible(db, scope.RestrictedAreaId).AsNoTracking()
            .Where(i => i.Id == incidentId)
            .Select(i => new Subject(i.Id, i.AreaId, i.ReceivedAt, i.Address, i.Postcode, i.ReporterName))
            .SingleOrDefaultAsync(cancellationToken);
        return incident is null ? null : await FindAsync(db, incident, scope.RestrictedAreaId, cancellationToken);
    }

    private async Task<RepeatFinding> FindAsync(AsbOpsDbContext db, Subject incident, int? restrictedAreaId, CancellationToken cancellationToken)
    {
        var from = thresholds.WindowStart(incident.ReceivedAt);
        var window = Visible(db, restrictedAreaId).AsNoTracking()
            .Where(i => i.Id != incident.Id && i.ReceivedAt >= from && i.ReceivedAt <= incident.ReceivedAt);

        var addressKey = AddressKey.Of(incident.Address);
        var samePostcode = await window.Where(i => i.Postcode == incident.Postcode)
            .OrderByDescending(i => i.ReceivedAt).Take(MaxCandidates)
            .Select(i => new Candidate(i.Id, i.StormRef, i.ReceivedAt, i.Description, i.Address, i.ReporterName))
            .ToListAsync(cancellationToken);
        var atAddress = samePostcode.Where(c => AddressKey.Of(c.Address) == addressKey).ToList();

        var names = CaseSuggester.SearchNames(incident.ReporterName);
        var byReporter = new List<Candidate>();
        var onCases = new List<Candidate>();
        if (names.Count > 0)
        {
            // Upper-cased on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
            var lastName = incident.ReporterName!.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].ToUpperInvariant();
            var sameLastName = await window.Where(i => i.AreaId == incident.AreaId && i.ReporterName != null
                    && EF.Functions.Like(i.ReporterName.ToUpper(), "%" + lastName))
                .OrderByDescending(i => i.ReceivedAt).Take(MaxCandidates)
                .Select(i => new Candidate(i.Id, i.StormRef, i.ReceivedAt, i.Description, i.Address, i.ReporterName))
                .ToListAsync(cancellationToken);
            byReporter = [.. sameLastName.Where(c => CaseSuggester.SearchNames(c.ReporterName).Intersect(names).Any())];

            onCases = await (from participant in db.CaseParticipants.AsNoTracking()
                             join person in db.People on participant.PersonId equals person.Id
                             join i in window on participant.CaseId equals i.CaseId
                             where names.Contains(person.SearchName)
                             orderby i.ReceivedAt descending
                             select new Candidate(i.Id, i.StormRef, i.ReceivedAt, i.Description, i.Address, i.ReporterName))
                .Take(MaxCandidates)
                .ToListAsync(cancellationToken);
        }

        var personMatches = byReporter.Concat(onCases).DistinctBy(c => c.Id).ToList();
        var repeatAtAddress = thresholds.IsRepeat(incident.ReceivedAt, atAddress.Select(c => c.ReceivedAt));
        var repeatPerson = thresholds.IsRepeat(incident.ReceivedAt, personMatches.Select(c => c.ReceivedAt));
        var listed = atAddress.Select(c => (c, Reason: "Same address"))
            .Concat(byReporter.Select(c => (c, Reason: $"Reported by {c.ReporterName}")))
            .Concat(onCases.Select(c => (c, Reason: $"On a case with {incident.ReporterName} on it")))
            .GroupBy(x => x.c.Id)
            .Select(g => new RepeatIncident(g.Key, g.First().c.StormRef, g.First().c.ReceivedAt, Excerpt(g.First().c.Description),
                [.. g.Select(x => x.Reason).Distinct()]))
            .OrderByDescending(r => r.ReceivedAt)
            .ToList();
        return new RepeatFinding(1 + atAddress.Count, personMatches.Count == 0 ? 0 : 1 + personMatches.Count,
            personMatches.Count == 0 ? null : incident.ReporterName, thresholds.WindowDays, repeatAtAddress || repeatPerson, listed);
    }

    public static string Excerpt(string description)
    {
        var flat = string.Join(' ', description.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= ExcerptLength ? flat : string.Concat(flat.AsSpan(0, ExcerptLength), "…");
    }

    private static IQueryable<Incident> Visible(AsbOpsDbContext db, int? restrictedAreaId) =>
        db.Incidents.Where(i => restrictedAreaId == null || i.AreaId == restrictedAreaId);

    private sealed record Subject(long Id, int AreaId, DateTime ReceivedAt, string Address, string Postcode, string? ReporterName);

    private sealed record Candidate(long Id, string StormRef, DateTime ReceivedAt, string Description, string Address, string? ReporterName);
}
