using AsbOps.Domain.Markers;
using AsbOps.Domain.Places;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Features.Markers;

/// <summary>What the control room asks for: any of postcode, address, person name or case reference.</summary>
public sealed record MarkerQuery(string? Postcode, string? Address, string? PersonName, string? CaseRef);

/// <summary>An active history marker as the control room reads it.</summary>
public sealed record MarkerView(
    string SubjectType, string Subject, string CaseRef, string RiskLevel, DateTime PlacedAt, string AreaCode, string Link);

/// <summary>Looks up active history markers; ended markers are never returned.</summary>
public sealed class MarkerLookupService(IDbContextFactory<AsbOpsDbContext> dbFactory)
{
    public const int MaxResults = 200;

    /// <summary>Validates a query: at least one criterion, and text criteria long enough to be specific.</summary>
    public static Dictionary<string, string[]> Validate(MarkerQuery query)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(query.Postcode) && string.IsNullOrWhiteSpace(query.Address)
            && string.IsNullOrWhiteSpace(query.PersonName) && string.IsNullOrWhiteSpace(query.CaseRef))
        {
            errors["query"] = ["Give at least one of postcode, address, personName or caseRef."];
        }

        if (!string.IsNullOrWhiteSpace(query.Postcode) && Postcode.Normalise(query.Postcode) is null)
        {
            errors["postcode"] = ["Not a UK postcode (e.g. LE11 1AA)."];
        }

        if (query.Address is { } address && (address.Trim().Length is < 3 or > 300))
        {
            errors["address"] = ["Give 3 to 300 characters of the address."];
        }

        if (query.PersonName is { } name && (name.Trim().Length is < 2 or > 200))
        {
            errors["personName"] = ["Give 2 to 200 characters of the name."];
        }

        if (query.CaseRef is { } caseRef && !Domain.Cases.CaseReference.TryParse(caseRef, out _))
        {
            errors["caseRef"] = ["A case reference looks like ASB-2026-004213."];
        }

        return errors;
    }

    /// <summary>The active markers matching the query on cases the caller may see (another area's are not there for area staff).</summary>
    public async Task<IReadOnlyList<MarkerView>> FindActiveAsync(MarkerQuery query, UserScope caller, string baseUrl, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var markers = db.Markers.AsNoTracking().Where(m => m.EndedAt == null);

        if (!string.IsNullOrWhiteSpace(query.Postcode))
        {
            var postcode = Postcode.Normalise(query.Postcode);
            markers = markers.Where(m => m.Postcode == postcode);
        }

        if (!string.IsNullOrWhiteSpace(query.Address))
        {
            var address = query.Address.Trim().ToUpperInvariant();
            markers = markers.Where(m => m.Address != null && m.Address.ToUpper().Contains(address));
        }

        if (!string.IsNullOrWhiteSpace(query.PersonName))
        {
            var words = query.PersonName.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            markers = markers.Where(m => m.SubjectType == MarkerSubjectType.Person);
            foreach (var word in words)
            {
                markers = markers.Where(m => m.Subject.ToUpper().Contains(word));
            }
        }

        if (!string.IsNullOrWhiteSpace(query.CaseRef))
        {
            var caseRef = query.CaseRef.Trim().ToUpperInvariant();
            markers = markers.Where(m => db.Cases.Any(c => c.Id == m.CaseId && c.Reference == caseRef));
        }

        var rows = await (from m in markers
                          join c in db.Cases.VisibleTo(db, caller) on m.CaseId equals c.Id
                          join a in db.Areas on c.AreaId equals a.Id
                          orderby m.PlacedAt descending
                          select new { m.SubjectType, m.Subject, c.Reference, m.RiskLevel, m.PlacedAt, a.Code })
            .Take(MaxResults)
            .ToListAsync(cancellationToken);

        return rows.Select(r => new MarkerView(
                r.SubjectType == MarkerSubjectType.Person ? "person" : "location",
                r.Subject, r.Reference, LevelWord(r.RiskLevel), r.PlacedAt, r.Code, $"{baseUrl.TrimEnd('/')}/cases/{r.Reference}"))
            .ToList();
    }

    private static string LevelWord(RiskLevel level) => level switch
    {
        RiskLevel.High => "high",
        RiskLevel.Medium => "medium",
        RiskLevel.Low => "low",
        _ => "notassessed",
    };
}
