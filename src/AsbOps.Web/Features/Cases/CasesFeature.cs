using AsbOps.Web.Features.Cases.Export;

namespace AsbOps.Web.Features.Cases;

public static class CasesFeature
{
    /// <summary>The case list and its export, the case page, the sergeant's review and closing a case.</summary>
    public static IServiceCollection AddCasesFeature(this IServiceCollection services)
    {
        services.AddScoped<ICaseListService, CaseListService>();
        services.AddScoped<ICaseDetailsService, CaseDetailsService>();
        services.AddScoped<ICaseReviewService, CaseReviewService>();
        services.AddScoped<ILeadOfficerService, LeadOfficerService>();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.Section);
        services.AddScoped<CaseExport>();
        return services;
    }

    public static void MapCasesFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapCaseExport();
}
