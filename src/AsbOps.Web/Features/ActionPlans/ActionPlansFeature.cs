namespace AsbOps.Web.Features.ActionPlans;

public static class ActionPlansFeature
{
    /// <summary>The action plan of a case.</summary>
    public static IServiceCollection AddActionPlansFeature(this IServiceCollection services) =>
        services.AddScoped<IActionPlanService, ActionPlanService>();
}
