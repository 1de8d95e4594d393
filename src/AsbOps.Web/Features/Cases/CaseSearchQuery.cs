using System.Linq.Expressions;
using AsbOps.Domain.Cases;
using AsbOps.Web.Data;

namespace AsbOps.Web.Features.Cases;

/// <summary>
/// The case list's search as a query over each case's stored search text (<see cref="AsbCase.SearchText"/>: its
/// reference and its people's search names), which PostgreSQL finds through a trigram index. It matches exactly the
/// cases the search always meant: the reference holds the whole text, or one person's search name holds every name
/// token, or (when the text is a postcode) the case's or a person's postcode is it, or the case's is in the district.
/// </summary>
internal static class CaseSearchQuery
{
    public static IQueryable<AsbCase> Apply(AsbOpsDbContext db, IQueryable<AsbCase> cases, CaseSearch search)
    {
        var matches = ReferenceOrName(db, search);
        if (search.Postcode is { } postcode)
        {
            var byPersonPostcode = db.CaseParticipants.Where(p => p.Person!.Postcode == postcode).Select(p => p.CaseId);
            matches = QueryExpressions.Or(matches, c => c.Postcode == postcode || byPersonPostcode.Contains(c.Id));
        }
        else if (search.PostcodeDistrict is { } district)
        {
            var prefix = district + " ";
            matches = QueryExpressions.Or(matches, c => c.Postcode.StartsWith(prefix));
        }

        return cases.Where(matches);
    }

    /// <summary>
    /// The reference or a name. The search text holds the reference and every search name, so "the text holds the
    /// term" is true of every case where the reference or a name holds it (and a few more, where a name token was
    /// found in the reference or across two names): it narrows, and an exact test of the few left decides. One token
    /// that is the whole search and has no separator in it needs no exact test: the text holds it exactly when the
    /// reference or one name does.
    /// </summary>
    private static Expression<Func<AsbCase, bool>> ReferenceOrName(AsbOpsDbContext db, CaseSearch search)
    {
        var fragment = search.ReferenceFragment;
        if (search.NameTokens is [var only] && only == fragment && !only.Contains(AsbCase.SearchTextSeparator))
        {
            return c => c.SearchText.Contains(only);
        }

        var people = db.CaseParticipants.AsQueryable();
        foreach (var token in search.NameTokens)
        {
            people = people.Where(p => p.Person!.SearchName.Contains(token));
        }

        // The longest token narrows most; every name holding all the tokens holds it.
        var longest = search.NameTokens.OrderByDescending(t => t.Length).FirstOrDefault() ?? "";
        return c => (c.SearchText.Contains(fragment) && c.Reference.Contains(fragment))
            || (c.SearchText.Contains(longest) && people.Any(p => p.CaseId == c.Id));
    }
}
