using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Intake.Screening;

/// <summary>
/// Finds open cases an incident may belong to: the same postcode or address, or the reporter already on a case
/// (matched on last name and a first name). Only cases the user may see; newest first.
/// </summary>
public static class CaseSuggester
{
    public const int MaxSuggestions = 10;

    public static async Task<IReadOnlyList<CaseSuggestion>> SuggestAsync(
        AsbOpsDbContext db, UserScope scope, Incident incident, CancellationToken cancellationToken)
    {
        var open = db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatus.Closed && (scope.RestrictedAreaId == null || c.AreaId == scope.RestrictedAreaId));
        var address = incident.Address.Trim().ToUpperInvariant();
        var byPlace = await open
            .Where(c => c.Postcode == incident.Postcode || c.Address.ToUpper() == address)
            .OrderByDescending(c => c.OpenedAt).Take(MaxSuggestions)
            .Select(c => new Found(c.Id, c.Reference, c.OpenedAt, c.Category, c.Address, c.Postcode, null, null))
            .ToListAsync(cancellationToken);

        var names = SearchNames(incident.ReporterName);
        var byPerson = names.Count == 0
            ? []
            : await (from participant in db.CaseParticipants.AsNoTracking()
                     join person in db.People on participant.PersonId equals person.Id
                     join c in open on participant.CaseId equals c.Id
                     where names.Contains(person.SearchName)
                     orderby c.OpenedAt descending
                     select new Found(c.Id, c.Reference, c.OpenedAt, c.Category, c.Address, c.Postcode,
                         person.FirstName + " " + person.LastName, participant.Role))
                .Take(MaxSuggestions * 2)
                .ToListAsync(cancellationToken);

        return [.. byPlace.Concat(byPerson)
            .GroupBy(f => f.CaseId)
            .Select(g => ToSuggestion(g.ToList(), incident, address))
            .OrderByDescending(s => s.OpenedAt).ThenByDescending(s => s.CaseId)
            .Take(MaxSuggestions)];
    }

    /// <summary>"Mrs Jane Smith" → SMITH JANE, SMITH MRS, SMITH MRS JANE: the last word is the last name.</summary>
    public static IReadOnlyList<string> SearchNames(string? reporterName)
    {
        var words = (reporterName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 2)
        {
            return [];
        }

        var last = words[^1];
        var firsts = words[..^1];
        return [.. firsts.Append(string.Join(' ', firsts)).Select(first => Person.ToSearchName(first, last)).Distinct(StringComparer.Ordinal)];
    }

    private static CaseSuggestion ToSuggestion(List<Found> found, Incident incident, string address)
    {
        var first = found[0];
        var reasons = new List<string>();
        if (string.Equals(first.Address.Trim(), address, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add("Same address");
        }

        if (first.Postcode == incident.Postcode)
        {
            reasons.Add($"Same postcode ({incident.Postcode})");
        }

        foreach (var match in found.Where(f => f.PersonName is not null).DistinctBy(f => (f.PersonName, f.Role)))
        {
            reasons.Add($"The reporter {incident.ReporterName} may be {match.PersonName}, {match.Role?.ToString().ToLowerInvariant()} on this case");
        }

        return new CaseSuggestion(first.CaseId, first.Reference, first.OpenedAt, first.Category, first.Address, first.Postcode, reasons);
    }

    private sealed record Found(
        long CaseId, string Reference, DateTime OpenedAt, AsbCategory Category, string Address, string Postcode, string? PersonName, PersonRole? Role);
}
