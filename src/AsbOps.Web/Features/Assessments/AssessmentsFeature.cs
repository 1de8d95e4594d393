using AsbOps.Web.Features.Alerts;
using AsbOps.Web.Features.People;

namespace AsbOps.Web.Features.Assessments;

public static class AssessmentsFeature
{
    /// <summary>People on a case, assessment forms, the sergeant's approval queue and the user's alerts.</summary>
    public static IServiceCollection AddAssessmentsFeature(this IServiceCollection services)
    {
        services.AddSingleton<GuidanceDefinitionCache>();
        services.AddScoped<IAssessmentService, AssessmentService>();
        services.AddScoped<ApprovalQueueService>();
        services.AddScoped<ICasePeopleService, CasePeopleService>();
        services.AddScoped<MyAlertsService>();
        return services;
    }
}
