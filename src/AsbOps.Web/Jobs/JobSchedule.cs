using AsbOps.Web.Email;
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
        services.AddSingleton<UnknownAnswerReminderService>();
        services.AddScheduler();

        // Registered after AddScheduler so that PreventOverlapping locks across instances, not just this process.
        services.AddSingleton<IMutex, DatabaseMutex>();
        services.AddTransient<OutboxDispatchJob>();
        services.AddTransient<UnknownAnswerReminderJob>();
        return services;
    }

    public static void UseAsbOpsJobs(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        if (!options.Enabled || app.Environment.IsEnvironment("Testing"))
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILogger<JobInstance>>();
        app.Services.UseScheduler(scheduler =>
            {
                scheduler.Schedule<OutboxDispatchJob>()
                    .EverySeconds(Math.Clamp(options.OutboxEverySeconds, 1, 59))
                    .PreventOverlapping(OutboxDispatchJob.Name);
                scheduler.Schedule<UnknownAnswerReminderJob>()
                    .EveryFifteenMinutes()
                    .PreventOverlapping(UnknownAnswerReminderJob.Name);
            })
            .OnError(ex => logger.LogError(ex, "A scheduled job failed"));
    }
}
