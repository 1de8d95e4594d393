namespace AsbOps.Web.Features.Retention;

public static class RetentionFeature
{
    /// <summary>The retention review of closed cases: the settings, the list of cases due, retain and dispose.</summary>
    public static IServiceCollection AddRetentionFeature(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.ReviewAfterYears is >= 1 and <= 100, "Retention:ReviewAfterYears must be between 1 and 100.")
            .ValidateOnStart();
        return services.AddScoped<CaseDisposal>().AddScoped<IRetentionService, RetentionService>();
    }
}
