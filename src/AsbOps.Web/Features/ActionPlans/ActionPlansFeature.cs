namespace AsbOps.Web.Features.ActionPlans;

public static class ActionPlansFeature
{
    /// <summary>The action plan of a case, the sergeant's review and closing a case.</summary>
    public static IServiceCollection AddActionPlansFeature(this IServiceCollection services)
    {
        services.AddScoped<IActionPlanService, ActionPlanService>();
        services.AddScoped<ICaseReviewService, CaseReviewService>();
        return services;
    }
}
