namespace AsbOps.Web.Features.Guidance;

public static class GuidanceFeature
{
    /// <summary>The risk guidance versions and publishing a new one.</summary>
    public static IServiceCollection AddGuidanceFeature(this IServiceCollection services)
    {
        services.AddScoped<GuidanceQueries>();
        services.AddScoped<GuidancePublishingService>();
        services.AddScoped<WhatIf.GuidanceWhatIfService>();
        return services;
    }
}
