using AsbOps.Domain.CaseReviews;
using AsbOps.Web.Jobs;

namespace AsbOps.Web.Features.CaseReviews;

public static class CaseReviewsFeature
{
    /// <summary>
    /// The ASB Case Review (section <c>CaseReview</c>): applications, the threshold check, the clocks and their job, the
    /// decision, review, outcome and appeal, the repeat-victim prompt and the published figures.
    /// </summary>
    public static IServiceCollection AddCaseReviewsFeature(this IServiceCollection services)
    {
        services.AddOptions<CaseReviewSettings>().BindConfiguration(CaseReviewSettings.Section);
        services.AddSingleton<CaseReviewOptions>();
        services.AddSingleton<ApplicationLogger>();
        services.AddSingleton<CaseReviewQueries>();
        services.AddSingleton<CaseReviewSteps>();
        services.AddSingleton<ICaseReviewLaterEdits>(sp => sp.GetRequiredService<CaseReviewSteps>());
        services.AddSingleton<CaseReviewPrompts>();
        services.AddSingleton<ICaseReviewPrompts>(sp => sp.GetRequiredService<CaseReviewPrompts>());
        services.AddSingleton<CaseReviewFigures>();
        services.AddSingleton<CaseReviewClockService>();
        services.AddSingleton<AsbOps.Web.Data.Seeding.IDemoForceLoaded, DemoCaseReviews>();
        services.AddScheduledJob<CaseReviewClockJob>(_ => new JobDefinition(
            CaseReviewClockJob.Name, "Case review clocks (owner reminders, inspector escalations)", typeof(CaseReviewClockJob), JobTiming.HourlyAt(20)));
        return services;
    }

    public static void MapCaseReviewsApi(this RouteGroupBuilder api) => api.MapCaseReviewApi();

    public static void MapCaseReviewsFeature(this IEndpointRouteBuilder endpoints) => endpoints.MapCaseReviewDownloads();
}
