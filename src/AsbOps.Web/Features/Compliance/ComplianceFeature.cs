using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Features.Compliance.Workbook;
using AsbOps.Web.Jobs;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Features.Compliance;

public static class ComplianceFeature
{
    /// <summary>The compliance rules' thresholds (section <c>Compliance</c>), the sweep, the weekly check and its workbook.</summary>
    public static IServiceCollection AddComplianceFeature(this IServiceCollection services)
    {
        services.AddOptions<ComplianceOptions>().BindConfiguration(ComplianceOptions.Section);
        services.AddScoped<IComplianceQueries, ComplianceQueries>();

        // Made at start-up, so that it subscribes to the notifier before any page does (ADR 0022).
        services.AddSingleton<ComplianceBoard>();
        services.AddHostedService(sp => sp.GetRequiredService<ComplianceBoard>());
        services.AddSingleton<ComplianceSweepService>();
        services.AddSingleton<IDemoForceLoaded, DemoForceSweep>();
        services.AddSingleton<IDemoFindingSource, DemoFindingSource>();
        services.AddScoped<WeeklyComplianceCheck>();
        services.AddScoped<WeeklyWorkbookQueries>();
        services.AddScheduledJob<ComplianceSweepJob>(sp => new JobDefinition(
            ComplianceSweepJob.Name, "Compliance sweep", typeof(ComplianceSweepJob),
            JobTiming.EveryMinutes(sp.GetRequiredService<IOptions<ComplianceOptions>>().Value.SweepEveryMinutes)));
        services.AddScheduledJob<WeeklyComplianceCheckJob>(sp =>
        {
            var c = sp.GetRequiredService<IOptions<ComplianceOptions>>().Value;
            return new JobDefinition(WeeklyComplianceCheckJob.Name, "Weekly compliance check", typeof(WeeklyComplianceCheckJob),
                JobTiming.Weekly(c.WeeklyCheckDay, c.WeeklyCheckTime, c.WeeklyCheckZone(), c.WeeklyCheckTimeZone));
        });
        return services;
    }

    public static void MapComplianceFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapWeeklyWorkbook();
}
