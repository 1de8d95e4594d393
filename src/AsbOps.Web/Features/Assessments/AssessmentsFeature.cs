namespace AsbOps.Web.Features.Assessments;

public static class AssessmentsFeature
{
    /// <summary>Assessment forms and the sergeant's approval queue.</summary>
    public static IServiceCollection AddAssessmentsFeature(this IServiceCollection services)
    {
        services.AddSingleton<GuidanceDefinitionCache>();
        services.AddScoped<IAssessmentService, AssessmentService>();
        services.AddScoped<ApprovalQueueService>();
        return services;
    }
}
