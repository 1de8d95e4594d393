namespace AsbOps.Web.Features.HighRisk;

public static class HighRiskFeature
{
    /// <summary>The high-risk procedure that the saves run, and its alert emails.</summary>
    public static IServiceCollection AddHighRiskFeature(this IServiceCollection services)
    {
        services.AddSingleton<HighRiskProcedure>();
        services.AddSingleton<HighRiskAlertEmails>();
        return services;
    }
}
