using AsbOps.Web.Features.Cases;
using Microsoft.AspNetCore.WebUtilities;

namespace AsbOps.Web.Features.Cases.Export;

/// <summary>The bulk export's address for the case list's current filter (the same words as the list's URL).</summary>
public static class CaseExportLinks
{
    public const string Path = "/exports/cases.xlsx";

    public static string For(CaseListQuery query)
    {
        var words = new Dictionary<string, string?>
        {
            ["area"] = query.Area,
            ["status"] = query.Status,
            ["risk"] = query.Risk,
            ["category"] = query.Category,
            ["role"] = query.Role,
            ["q"] = query.Q,
        };
        return QueryHelpers.AddQueryString(Path, words.Where(w => !string.IsNullOrWhiteSpace(w.Value)));
    }

    public static CaseListQuery Parse(IQueryCollection query) => new()
    {
        Area = query["area"],
        Status = query["status"],
        Risk = query["risk"],
        Category = query["category"],
        Role = query["role"],
        Q = query["q"],
    };
}
