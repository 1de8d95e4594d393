using AsbOps.Web.Email;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Reminders;
using Microsoft.Extensions.Options;

namespace AsbOps.Web.Jobs;

/// <summary>One scheduled job: its name (the key of its runs and lease), what it does, and when it runs next.</summary>
public sealed record JobDefinition(string Name, string Title, Type Invocable, string Schedule, Func<DateTime, DateTime> NextRunAfter);

/// <summary>
/// The schedule of every job as data: <see cref="JobSchedule"/> registers it with Coravel and the admin jobs page
/// computes each job's next run from it.
/// </summary>
public sealed class JobCatalog(IOptions<JobsOptions> jobs, IOptions<ComplianceOptions> compliance)
{
    public int OutboxEverySeconds => Math.Clamp(jobs.Value.OutboxEverySeconds, 1, 59);

    public int SweepEveryMinutes => Math.Clamp(compliance.Value.SweepEveryMinutes, 1, 59);

    public const int ReviewRemindersMinute = 5;

    /// <summary>The weekly check as a Coravel cron expression, read in <see cref="ComplianceOptions.WeeklyCheckZone"/>.</summary>
    public string WeeklyCheckCron
    {
        get
        {
            var c = compliance.Value;
            return $"{c.WeeklyCheckTime.Minute} {c.WeeklyCheckTime.Hour} * * {(int)c.WeeklyCheckDay}";
        }
    }

    public IReadOnlyList<JobDefinition> All =>
    [
        new(OutboxDispatchJob.Name, "Send queued email", typeof(OutboxDispatchJob), $"every {OutboxEverySeconds} seconds",
            now => EverySeconds(now, OutboxEverySeconds)),
        new(UnknownAnswerReminderJob.Name, "Unknown-answer reminders", typeof(UnknownAnswerReminderJob), "every 15 minutes",
            now => EveryMinutes(now, 15)),
        new(ReviewDueReminderJob.Name, "Review-due reminders to sergeants", typeof(ReviewDueReminderJob), $"hourly at :{ReviewRemindersMinute:D2}",
            now => HourlyAt(now, ReviewRemindersMinute)),
        new(ComplianceSweepJob.Name, "Compliance sweep", typeof(ComplianceSweepJob), $"every {SweepEveryMinutes} minutes",
            now => EveryMinutes(now, SweepEveryMinutes)),
        new(WeeklyComplianceCheckJob.Name, "Weekly compliance check", typeof(WeeklyComplianceCheckJob),
            $"{compliance.Value.WeeklyCheckDay} {compliance.Value.WeeklyCheckTime:HH:mm} {compliance.Value.WeeklyCheckTimeZone}",
            WeeklyAt),
    ];

    public JobDefinition? Find(string name) => All.FirstOrDefault(j => j.Name == name);

    public static DateTime EverySeconds(DateTime now, int seconds)
    {
        var next = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc).AddSeconds(1);
        while (next.Second % seconds != 0)
        {
            next = next.AddSeconds(1);
        }

        return next;
    }

    /// <summary>Coravel's "*/n" minutes: the next minute of the hour divisible by n.</summary>
    public static DateTime EveryMinutes(DateTime now, int minutes)
    {
        var next = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        while (next.Minute % minutes != 0)
        {
            next = next.AddMinutes(1);
        }

        return next;
    }

    public static DateTime HourlyAt(DateTime now, int minute)
    {
        var next = new DateTime(now.Year, now.Month, now.Day, now.Hour, minute, 0, DateTimeKind.Utc);
        return next > now ? next : next.AddHours(1);
    }

    private DateTime WeeklyAt(DateTime now)
    {
        var c = compliance.Value;
        var zone = c.WeeklyCheckZone();
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(now, DateTimeKind.Utc), zone);
        for (var day = 0; day <= 7; day++)
        {
            var date = local.Date.AddDays(day);
            if (date.DayOfWeek != c.WeeklyCheckDay)
            {
                continue;
            }

            var at = date + c.WeeklyCheckTime.ToTimeSpan();
            if (zone.IsInvalidTime(at))
            {
                at = at.AddHours(1);
            }

            var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), zone);
            if (utc > now)
            {
                return utc;
            }
        }

        return now.AddDays(7);
    }
}
