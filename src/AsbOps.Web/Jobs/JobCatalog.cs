using Coravel.Invocable;

namespace AsbOps.Web.Jobs;

/// <summary>One scheduled job: its name (the key of its runs and lease), what it does, and when it runs.</summary>
public sealed record JobDefinition(string Name, string Title, Type Invocable, JobTiming Timing)
{
    public string Schedule => Timing.Description;

    public DateTime NextRunAfter(DateTime utcNow) => Timing.NextAfter(utcNow);
}

/// <summary>A job a slice registered with <see cref="JobRegistrations.AddScheduledJob{TJob}"/>, defined once the options are bound.</summary>
public sealed record JobRegistration(Func<IServiceProvider, JobDefinition> Define);

/// <summary>
/// The schedule of every job as data: each slice registers its own jobs (<see cref="JobRegistrations.AddScheduledJob{TJob}"/>),
/// <see cref="JobSchedule"/> hands the list to Coravel and the admin jobs page computes each job's next run from it.
/// </summary>
public sealed class JobCatalog(IEnumerable<JobRegistration> registrations, IServiceProvider services)
{
    private readonly Lazy<IReadOnlyList<JobDefinition>> _all = new(() => registrations.Select(r => r.Define(services)).ToList());

    public IReadOnlyList<JobDefinition> All => _all.Value;

    public JobDefinition? Find(string name) => All.FirstOrDefault(j => j.Name == name);
}

public static class JobRegistrations
{
    /// <summary>Registers <typeparamref name="TJob"/> and puts it in the schedule as <paramref name="define"/> says.</summary>
    public static IServiceCollection AddScheduledJob<TJob>(this IServiceCollection services, Func<IServiceProvider, JobDefinition> define)
        where TJob : class, IInvocable
    {
        services.AddTransient<TJob>();
        services.AddSingleton(new JobRegistration(define));
        return services;
    }
}
