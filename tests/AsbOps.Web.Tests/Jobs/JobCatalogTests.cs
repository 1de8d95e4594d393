using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Jobs;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Tests.Jobs;

public sealed class JobCatalogTests
{
    private static readonly JobCatalog Catalog = new(Options.Create(new JobsOptions()), Options.Create(new ComplianceOptions()));

    private static DateTime Utc(int month, int day, int hour, int minute, int second = 0) => new(2026, month, day, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void TheWeeklyCheckRunsNextOnMondayAtSevenUkTimeInSummerAndWinter()
    {
        var weekly = Catalog.Find(WeeklyComplianceCheckJob.Name)!;

        Assert.Equal(Utc(3, 30, 6, 0), weekly.NextRunAfter(Utc(3, 29, 12, 0)));
        Assert.Equal(Utc(1, 12, 7, 0), weekly.NextRunAfter(Utc(1, 5, 7, 30)));
        Assert.Equal(Utc(1, 5, 7, 0), weekly.NextRunAfter(Utc(1, 5, 6, 59)));
        Assert.Equal("0 7 * * 1", Catalog.WeeklyCheckCron);
    }

    [Fact]
    public void IntervalJobsRunNextOnTheirBoundary()
    {
        Assert.Equal(Utc(3, 2, 10, 15), Catalog.Find(ComplianceSweepJob.Name)!.NextRunAfter(Utc(3, 2, 10, 7, 30)));
        Assert.Equal(Utc(3, 2, 11, 0), JobCatalog.EveryMinutes(Utc(3, 2, 10, 45), 15));
        Assert.Equal(Utc(3, 2, 11, 5), JobCatalog.HourlyAt(Utc(3, 2, 10, 5), 5));
        Assert.Equal(Utc(3, 2, 10, 0, 30), JobCatalog.EverySeconds(Utc(3, 2, 10, 0, 17), 15));
    }

    [Fact]
    public void EveryScheduledJobIsInTheCatalogOnce()
    {
        Assert.Equal(5, Catalog.All.Select(j => j.Name).Distinct().Count());
    }
}
