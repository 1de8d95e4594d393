namespace AsbOps.Web.Features.Intake.Simulator;

public static class SimulatorExtensions
{
    /// <summary>Registers the demo feed; <c>--simulate-feed</c> on the command line turns it on.</summary>
    public static IServiceCollection AddFeedSimulator(this IServiceCollection services, IConfiguration configuration, string[] args)
    {
        services.AddOptions<SimulatorOptions>()
            .Bind(configuration.GetSection(SimulatorOptions.Section))
            .PostConfigure(o => o.Enabled |= args.Contains("--simulate-feed"));
        services.AddHostedService<ControlRoomFeedSimulator>();
        return services;
    }
}
