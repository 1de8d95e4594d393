using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Data;

/// <summary>
/// Checks the role × level counts stored on cases (<see cref="CaseStanding.PeopleCounts"/>) against their people
/// counted here in memory, not through the expressions the data layer stores them with.
/// </summary>
internal static class PeopleCountsAssert
{
    public static async Task MatchTheirPeopleAsync(AsbOpsDbContext db, params long[] caseIds)
    {
        var people = await db.CaseParticipants.AsNoTracking().Where(p => caseIds.Contains(p.CaseId))
            .Select(p => new { p.CaseId, p.Role, p.RiskLevel }).ToListAsync();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(caseIds.Distinct().Count(), cases.Count);

        string Line(AsbCase c, StoredPeopleCount count, int value) => $"{c.Reference} {count.Role} {count.Level} {value}";
        var expected = cases.SelectMany(c => CaseStanding.PeopleCounts.Select(count =>
            Line(c, count, people.Count(p => p.CaseId == c.Id && p.Role == count.Role && p.RiskLevel == count.Level)))).ToList();
        var stored = cases.SelectMany(c => CaseStanding.PeopleCounts.Select(count => Line(c, count, count.Stored.Compile()(c)))).ToList();
        Assert.Equal(expected, stored);
    }
}
