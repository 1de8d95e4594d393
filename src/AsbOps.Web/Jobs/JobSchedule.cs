using Coravel;
using Coravel.Scheduling.Schedule.Interfaces;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Jobs;

/// <summary>
/// The scheduler, run from the one <see cref="JobCatalog"/> the slices fill. It never runs in the Testing environment.
/// </summary>
public static class JobSchedule
{
    public static IServiceCollection AddAsbOpsJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.AddSingleton<JobInstance>();
        services.AddSingleton<JobRunner>();
        services.AddSingleton<JobCatalog>();
        services.AddScheduler();

        // Registered after AddScheduler so that PreventOverlapping locks across instances, not just this process.
        services.AddSingleton<IMutex, DatabaseMutex>();
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
        var logger = app.Services.GetRequiredService<ILogger<JobInstance>>();
        app.Services.UseScheduler(scheduler =>
            {
                foreach (var job in catalog.All)
                {
                    job.Timing.Apply(scheduler.ScheduleInvocableType(job.Invocable)).PreventOverlapping(job.Name);
                }
            })
            .OnError(ex => logger.LogError(ex, "A scheduled job failed"));
    }
}
