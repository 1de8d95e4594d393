using AsbOps.Domain.Compliance;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Compliance;

/// <summary>The force's own figure read from stored sweeps, checked against a hand-computed history.</summary>
public sealed class ForceFigureTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static DateTime At(int day, int hour = 0) => new(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task TheAverageWeighsEachSweepByHowLongItStoodIncludingTheOneStandingAtTheStart()
    {
        await using (var db = app.CreateDbContext())
        {
            // Before the period: 40 from 1 March; within it: 10 from the 3rd 12:00, 0 from the 5th, a weekly check of 6 on the 9th.
            db.ComplianceSnapshots.AddRange(
                new ComplianceSnapshot { TakenAt = At(1), MissingAssessments = 40 },
                new ComplianceSnapshot { TakenAt = At(3, 12), MissingAssessments = 10 },
                new ComplianceSnapshot { TakenAt = At(5), MissingAssessments = 0 },
                new ComplianceSnapshot { TakenAt = At(9, 7), IsWeekly = true, IsoWeek = "2026-W11", MissingAssessments = 6 });
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var figure = await scope.ServiceProvider.GetRequiredService<IComplianceQueries>().ForceFigureAsync(At(2), At(9));

        // From the 2nd to the 9th (168 h): 40 × 36 h + 10 × 36 h + 0 × 96 h = 1,800 → 1,800 / 168.
        Assert.Equal(1800.0 / 168, figure.Average!.Value, 6);
        Assert.Equal([new ComplianceWeek(2026, 10)], figure.Weekly.Select(w => w.Week));
        Assert.Equal(1800.0 / 168, figure.Weekly[0].Average!.Value, 6);
    }
}
