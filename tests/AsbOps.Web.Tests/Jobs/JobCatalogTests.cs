using AsbOps.Web.Email;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Reminders;
using AsbOps.Web.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Jobs;

public sealed class JobCatalogTests
{
    private static readonly JobCatalog Catalog = BuildCatalog();

    /// <summary>The catalog as the app fills it: each slice registers its own jobs.</summary>
    private static JobCatalog BuildCatalog()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAsbOpsJobs(configuration);
        services.AddAsbOpsEmail(configuration);
        services.AddRemindersFeature();
        services.AddComplianceFeature();
        return services.BuildServiceProvider().GetRequiredService<JobCatalog>();
    }

    private static DateTime Utc(int month, int day, int hour, int minute, int second = 0) => new(2026, month, day, hour, minute, second, DateTimeKind.Utc);

    [Fact]
    public void TheWeeklyCheckRunsNextOnMondayAtSevenUkTimeInSummerAndWinter()
    {
        var weekly = Catalog.Find(WeeklyComplianceCheckJob.Name)!;

        Assert.Equal(Utc(3, 30, 6, 0), weekly.NextRunAfter(Utc(3, 29, 12, 0)));
        Assert.Equal(Utc(1, 12, 7, 0), weekly.NextRunAfter(Utc(1, 5, 7, 30)));
        Assert.Equal(Utc(1, 5, 7, 0), weekly.NextRunAfter(Utc(1, 5, 6, 59)));
        Assert.Equal("Monday 07:00 Europe/London", weekly.Schedule);
        Assert.Equal("0 7 * * 1", Assert.IsType<JobTiming.WeeklyAt>(weekly.Timing).Cron);
    }

    [Fact]
    public void IntervalJobsRunNextOnTheirBoundary()
    {
        Assert.Equal(Utc(3, 2, 10, 15), Catalog.Find(ComplianceSweepJob.Name)!.NextRunAfter(Utc(3, 2, 10, 7, 30)));
        Assert.Equal(Utc(3, 2, 11, 0), JobTiming.NextEveryMinutes(Utc(3, 2, 10, 45), 15));
        Assert.Equal(Utc(3, 2, 11, 5), JobTiming.NextHourlyAt(Utc(3, 2, 10, 5), 5));
        Assert.Equal(Utc(3, 2, 10, 0, 30), JobTiming.NextEverySeconds(Utc(3, 2, 10, 0, 17), 15));
    }

    [Fact]
    public void EveryScheduledJobIsInTheCatalogOnce()
    {
        Assert.Equal(
            [OutboxDispatchJob.Name, UnknownAnswerReminderJob.Name, MissingAssessmentChaseJob.Name, ReviewDueReminderJob.Name, ComplianceSweepJob.Name,
                WeeklyComplianceCheckJob.Name],
            Catalog.All.Select(j => j.Name));
    }
}
