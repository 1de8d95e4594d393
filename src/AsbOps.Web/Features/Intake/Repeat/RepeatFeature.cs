using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Features.Intake.Repeat;

public static class RepeatFeature
{
    /// <summary>Repeat and threshold detection; the thresholds come from <c>RepeatThresholds:Count</c> and <c>:WindowDays</c>.</summary>
    public static IServiceCollection AddRepeatFeature(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(RepeatThresholds.Section).Get<RepeatThresholds>()
            ?? new RepeatThresholds());
        services.AddScoped<RepeatDetector>();
        return services;
    }
}
