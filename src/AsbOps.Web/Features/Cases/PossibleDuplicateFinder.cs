using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Domain.Places;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// Likely duplicates of a case: other open cases in the same area, opened within the repeat window of it, at the same
/// postcode or sharing a person. A suggestion to consider merging; two indexed queries (postcode; participants by person).
/// </summary>
public static class PossibleDuplicateFinder
{
    public const int MaxSuggestions = 10;

    public static async Task<IReadOnlyList<CaseDuplicateView>> FindAsync(
        AsbOpsDbContext db, UserScope user, AsbCase asbCase, RepeatThresholds thresholds, CancellationToken cancellationToken)
    {
        if (asbCase.Status == CaseStatus.Closed)
        {
            return [];
        }

        var from = asbCase.OpenedAt - thresholds.Window;
        var to = asbCase.OpenedAt + thresholds.Window;
        var others = db.Cases.AsNoTracking().VisibleTo(db, user)
            .Where(c => c.Id != asbCase.Id && c.AreaId == asbCase.AreaId && c.Status != CaseStatus.Closed
                && c.OpenedAt >= from && c.OpenedAt <= to);

        var samePostcode = await others.Where(c => c.Postcode == asbCase.Postcode)
            .OrderByDescending(c => c.OpenedAt).Take(MaxSuggestions)
            .Select(c => new Found(c.Reference, c.OpenedAt, c.Address, c.Postcode, null))
            .ToListAsync(cancellationToken);

        var people = db.CaseParticipants.Where(p => p.CaseId == asbCase.Id).Select(p => p.PersonId);
        var sharingPerson = await (from participant in db.CaseParticipants.AsNoTracking()
                                   join c in others on participant.CaseId equals c.Id
                                   where people.Contains(participant.PersonId)
                                   orderby c.OpenedAt descending
                                   select new Found(c.Reference, c.OpenedAt, c.Address, c.Postcode,
                                       participant.Person!.FirstName + " " + participant.Person.LastName))
            .Take(MaxSuggestions * 2)
            .ToListAsync(cancellationToken);

        var addressKey = AddressKey.Of(asbCase.Address);
        return [.. samePostcode.Concat(sharingPerson)
            .GroupBy(f => f.Reference)
            .Select(g =>
            {
                var first = g.First();
                var reasons = new List<string>();
                if (g.Any(f => f.PersonName is null))
                {
                    reasons.Add(AddressKey.Of(first.Address) == addressKey ? "Same address" : $"Same postcode ({first.Postcode})");
                }

                reasons.AddRange(g.Where(f => f.PersonName is not null).Select(f => $"{f.PersonName} is on both cases").Distinct());
                return new CaseDuplicateView(first.Reference, first.OpenedAt, first.Address, first.Postcode, reasons);
            })
            .OrderByDescending(d => d.OpenedAt)
            .Take(MaxSuggestions)];
    }

    private sealed record Found(string Reference, DateTime OpenedAt, string Address, string Postcode, string? PersonName);
}
