using AsbOps.Web.Jobs;

namespace AsbOps.Web.Features.Reminders;

public static class RemindersFeature
{
    public const int ReviewRemindersMinute = 5;

    /// <summary>Unknown-answer reminders (section <c>Reminders</c>), the missing-assessment chase and review-due reminders, with their jobs.</summary>
    public static IServiceCollection AddRemindersFeature(this IServiceCollection services)
    {
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section);
        services.AddSingleton<UnknownAnswerReminderService>();
        services.AddSingleton<ReviewDueReminderService>();
        services.AddOptions<MissingAssessmentChaseOptions>().BindConfiguration(MissingAssessmentChaseOptions.Section);
        services.AddSingleton<MissingAssessmentChaseService>();
        services.AddScheduledJob<UnknownAnswerReminderJob>(_ => new JobDefinition(
            UnknownAnswerReminderJob.Name, "Unknown-answer reminders", typeof(UnknownAnswerReminderJob), JobTiming.EveryMinutes(15)));
        services.AddScheduledJob<MissingAssessmentChaseJob>(_ => new JobDefinition(
            MissingAssessmentChaseJob.Name, "Missing-assessment chase (lead officer, sergeant, inspector)", typeof(MissingAssessmentChaseJob),
            JobTiming.EveryMinutes(15)));
        services.AddScheduledJob<ReviewDueReminderJob>(_ => new JobDefinition(
            ReviewDueReminderJob.Name, "Review-due reminders to sergeants", typeof(ReviewDueReminderJob), JobTiming.HourlyAt(ReviewRemindersMinute)));
        return services;
    }
}
