namespace AsbOps.Web.Features.Cases;

public static class CasesFeature
{
    /// <summary>The case list and the read-only case page.</summary>
    public static IServiceCollection AddCasesFeature(this IServiceCollection services)
    {
        services.AddScoped<ICaseListService, CaseListService>();
        services.AddScoped<ICaseDetailsService, CaseDetailsService>();
        return services;
    }
}
