using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Dashboard;

/// <summary>
/// The queue "reviews due" reads cases with a stored next review date and cases without one apart (each off its own
/// index) and merges them: soonest first by the stored date, else by opening, as one ordered query would.
/// </summary>
public sealed class DashboardReviewQueueTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static readonly DateTime Now = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task CasesWithAndWithoutAStoredDateAreListedTogetherSoonestFirst()
    {
        var area = await app.AddAreaAsync("RVQ");
        await using (var db = app.CreateDbContext())
        {
            var b = new CaseBuilder(db, null, Now);
            b.Case(area.Id, "ASB-2026-900001", nextReviewInDays: -2);
            b.Case(area.Id, "ASB-2026-900002", level: RiskLevel.Low, openedHoursAgo: 24 * 200, nextReviewInDays: null);
            b.Case(area.Id, "ASB-2026-900003", nextReviewInDays: 3);
            b.Case(area.Id, "ASB-2026-900004", level: RiskLevel.High, openedHoursAgo: 24 * 10, nextReviewInDays: null);
            b.Case(area.Id, "ASB-2026-900005", nextReviewInDays: 20);
            b.Case(area.Id, "ASB-2026-900006", level: RiskLevel.Low, openedHoursAgo: 24 * 20, nextReviewInDays: null);
            b.Case(area.Id, "ASB-2026-900007", level: RiskLevel.Low, openedHoursAgo: 24 * 300, nextReviewInDays: null, status: CaseStatus.Closed);
            await db.SaveChangesAsync();
        }

        var reviews = (await LoadAsync(area.Id)).Single(q => q.Key == "reviews");

        // Due within the week: the unscheduled low case opened 200 days ago, the high one due 4 days from now (opened 10
        // days ago, a 14-day cadence), then the stored dates 2 days ago and in 3 days. Not the one due in 20 days, the low
        // case opened 20 days ago (a 56-day cadence), or the closed case.
        Assert.Equal(["ASB-2026-900002", "ASB-2026-900004", "ASB-2026-900001", "ASB-2026-900003"], reviews.Items.Select(i => i.Label));
        Assert.Equal([true, false, true, false], reviews.Items.Select(i => i.Alert));
        Assert.Equal(4, reviews.Count);
    }

    [Fact]
    public async Task TheQueueKeepsTheTenSoonestOfBothKinds()
    {
        var area = await app.AddAreaAsync("RVT");
        await using (var db = app.CreateDbContext())
        {
            var b = new CaseBuilder(db, null, Now);
            for (var i = 0; i < 12; i++)
            {
                // Stored dates 1–12 days ago, and unscheduled low cases opened 60.5–71.5 days ago (a 56-day cadence, so
                // all due): every unscheduled case sorts before every stored date, so the ten soonest are the oldest ten
                // unscheduled cases, which a list of stored dates alone would miss.
                b.Case(area.Id, $"ASB-2026-91{i:D4}", nextReviewInDays: -1 - i);
                b.Case(area.Id, $"ASB-2026-92{i:D4}", level: RiskLevel.Low, openedHoursAgo: 24 * (60.5 + i), nextReviewInDays: null);
            }

            await db.SaveChangesAsync();
        }

        var reviews = (await LoadAsync(area.Id)).Single(q => q.Key == "reviews");

        Assert.Equal(Enumerable.Range(2, 10).Reverse().Select(i => $"ASB-2026-92{i:D4}"), reviews.Items.Select(i => i.Label));
        Assert.Equal(24, reviews.Count);
    }

    private async Task<IReadOnlyList<DashboardQueue>> LoadAsync(int areaId)
    {
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<Web.Data.AsbOpsDbContext>>();
        var options = Options.Create(new ComplianceOptions());
        var counts = new OpenCaseTally(dbFactory, options).CountAsync(areaId, Now);
        return await new DashboardQueueQueries(dbFactory, options).LoadAsync(areaId, Now, counts, CancellationToken.None);
    }
}
