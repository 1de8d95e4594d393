using AsbOps.Web.Email;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Reminders;
using Coravel;
using Coravel.Scheduling.Schedule.Interfaces;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Jobs;

/// <summary>Every scheduled job, in one place. The scheduler never runs in the Testing environment.</summary>
public static class JobSchedule
{
    public static IServiceCollection AddAsbOpsJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.Configure<RemindersOptions>(configuration.GetSection(RemindersOptions.Section));
        services.AddSingleton<JobInstance>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobCatalog>();
        services.AddScoped<JobsAdminService>();
        services.AddSingleton<UnknownAnswerReminderService>();
        services.AddSingleton<ReviewDueReminderService>();
        services.AddSingleton<HighRiskAlertEmails>();
        services.AddSingleton<ComplianceSweepService>();
        services.AddScoped<WeeklyComplianceCheck>();
        services.AddScheduler();

        // Registered after AddScheduler so that PreventOverlapping locks across instances, not just this process.
        services.AddSingleton<IMutex, DatabaseMutex>();
        services.AddTransient<OutboxDispatchJob>();
        services.AddTransient<UnknownAnswerReminderJob>();
        services.AddTransient<ReviewDueReminderJob>();
        services.AddTransient<ComplianceSweepJob>();
        services.AddTransient<WeeklyComplianceCheckJob>();
        return services;
    }

    public static void UseAsbOpsJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        if (!options.Enabled || app.Environment.IsEnvironment("Testing"))
        {
            return;
        }

        var catalog = app.Services.GetRequiredService<JobCatalog>();
        var zone = app.Services.GetRequiredService<IOptions<ComplianceOptions>>().Value.WeeklyCheckZone();
        var logger = app.Services.GetRequiredService<ILogger<JobInstance>>();
        app.Services.UseScheduler(scheduler =>
            {
                scheduler.Schedule<OutboxDispatchJob>()
                    .EverySeconds(catalog.OutboxEverySeconds)
                    .PreventOverlapping(OutboxDispatchJob.Name);
                scheduler.Schedule<UnknownAnswerReminderJob>()
                    .EveryFifteenMinutes()
                    .PreventOverlapping(UnknownAnswerReminderJob.Name);
                scheduler.Schedule<ReviewDueReminderJob>()
                    .HourlyAt(JobCatalog.ReviewRemindersMinute)
                    .PreventOverlapping(ReviewDueReminderJob.Name);
                scheduler.Schedule<ComplianceSweepJob>()
                    .Cron($"*/{catalog.SweepEveryMinutes} * * * *")
                    .PreventOverlapping(ComplianceSweepJob.Name);
                scheduler.Schedule<WeeklyComplianceCheckJob>()
                    .Cron(catalog.WeeklyCheckCron)
                    .Zoned(zone)
                    .PreventOverlapping(WeeklyComplianceCheckJob.Name);
            })
            .OnError(ex => logger.LogError(ex, "A scheduled job failed"));
    }
}
