using AsbOps.Domain.Incidents;
using AsbOps.Web.Features.Intake.Api;
using AsbOps.Web.Features.Intake.Logging;
using AsbOps.Web.Features.Intake.Repeat;
using AsbOps.Web.Features.Intake.Screening;
using AsbOps.Web.Features.Intake.Simulator;

namespace AsbOps.Web.Features.Intake;

public static class IntakeFeature
{
    /// <summary>
    /// Incidents in: the control-room API (one writer per instance), logging by officers, VICTOR-E screening, repeat
    /// and threshold detection (<c>RepeatThresholds</c>), and the demo feed that <c>--simulate-feed</c> turns on.
    /// </summary>
    public static IServiceCollection AddIntakeFeature(this IServiceCollection services, IConfiguration configuration, string[] args)
    {
        services.AddSingleton<IncidentRequestReader>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<IncidentWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<IncidentWriter>());
        services.AddSingleton<IncidentIntakeService>();
        services.AddScoped<IncidentQueries>();
        services.AddScoped<IncidentLoggingService>();
        services.AddScoped<IncidentScreeningService>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(RepeatThresholds.Section).Get<RepeatThresholds>()
            ?? new RepeatThresholds());
        services.AddScoped<RepeatDetector>();
        services.AddOptions<SimulatorOptions>()
            .Bind(configuration.GetSection(SimulatorOptions.Section))
            .PostConfigure(o => o.Enabled |= args.Contains("--simulate-feed"));
        services.AddHostedService<ControlRoomFeedSimulator>();
        return services;
    }

    public static void MapIntakeFeature(this RouteGroupBuilder api) => api.MapIncidentApi();
}
