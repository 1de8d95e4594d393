using AsbOps.Domain.Compliance;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>
/// On a freshly loaded demo force, "since the last weekly check" reads like a real week: most of what the live sweep
/// finds was on the last check's list, with a few new and a few put right, not dozens of each.
/// </summary>
[Collection(DemoForceCollection.Name)]
public sealed class DemoFindingMovementTests(SeededDemoForce force)
{
    private async Task<FindingMovement> MovementAsync()
    {
        await using var scope = force.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IComplianceQueries>().SinceLastCheckAsync(null);
    }

    [Fact]
    public async Task MostOfTheLiveFindingsAreCarriedOverWithAFewNewAndAFewPutRight()
    {
        var m = (await MovementAsync()).Total;
        var summary = $"new {m.New}, carried {m.Carried}, put right {m.PutRight}";

        Assert.True(m.Carried > 0, summary);
        Assert.True(m.New > 0 && m.PutRight > 0, summary);
        Assert.True(m.New <= 0.2 * m.Open, summary);
        Assert.True(m.PutRight <= 0.2 * (m.Carried + m.PutRight), summary);
    }

    [Fact]
    public async Task FewOfEachRulesNewFindingsAreOnCasesTheLastCheckAlreadyHad()
    {
        // Cases opened since the check bring new findings as a real week does; on older cases the history and the
        // live sweep should mostly agree.
        await using var db = force.App.CreateDbContext();
        var lastCheck = await db.ComplianceSnapshots.Where(s => s.IsWeekly).MaxAsync(s => s.TakenAt);
        var open = await (
                from l in db.FindingLives
                where l.PutRightAt == null
                join c in db.Cases on l.CaseId equals c.Id
                where c.OpenedAt < lastCheck
                select new { l.Rule, New = l.FirstSeenAt > lastCheck })
            .ToListAsync();

        Assert.All(ComplianceRuleText.All, rule =>
        {
            var lives = open.Where(l => l.Rule == rule).ToList();
            var fresh = lives.Count(l => l.New);
            Assert.True(fresh <= Math.Max(3, 0.2 * lives.Count), $"rule {(int)rule}: {fresh} new of {lives.Count} open on cases older than the check");
        });
    }

    [Fact]
    public async Task TheLivesOfTheHistoryCarryTheDayTheyWereFirstSeen()
    {
        await using var db = force.App.CreateDbContext();
        var lastCheck = await db.ComplianceSnapshots.Where(s => s.IsWeekly).MaxAsync(s => s.TakenAt);
        var open = await db.FindingLives.Where(l => l.PutRightAt == null).Select(l => l.FirstSeenAt).ToListAsync();

        Assert.Contains(open, first => first < lastCheck.AddDays(-7));
    }
}
