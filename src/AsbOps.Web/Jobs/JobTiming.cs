using Coravel.Scheduling.Schedule.Interfaces;

namespace AsbOps.Web.Jobs;

/// <summary>When a job runs: how Coravel is told, how the admin page describes it, and when it runs next.</summary>
public abstract record JobTiming(string Description)
{
    public abstract DateTime NextAfter(DateTime utcNow);

    public abstract IScheduledEventConfiguration Apply(IScheduleInterval interval);

    /// <summary>Every <paramref name="seconds"/> seconds (1–59).</summary>
    public static JobTiming EverySeconds(int seconds) => new Seconds(Math.Clamp(seconds, 1, 59));

    /// <summary>Coravel's "*/n" minutes (1–59): the minutes of the hour divisible by n.</summary>
    public static JobTiming EveryMinutes(int minutes) => new Minutes(Math.Clamp(minutes, 1, 59));

    public static JobTiming HourlyAt(int minute) => new Hourly(Math.Clamp(minute, 0, 59));

    /// <summary>Once a week at a local time in <paramref name="zone"/> (<paramref name="zoneName"/> as configured).</summary>
    public static JobTiming Weekly(DayOfWeek day, TimeOnly time, TimeZoneInfo zone, string zoneName) => new WeeklyAt(day, time, zone, zoneName);

    public static DateTime NextEverySeconds(DateTime now, int seconds)
    {
        var next = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc).AddSeconds(1);
        while (next.Second % seconds != 0)
        {
            next = next.AddSeconds(1);
        }

        return next;
    }

    public static DateTime NextEveryMinutes(DateTime now, int minutes)
    {
        var next = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        while (next.Minute % minutes != 0)
        {
            next = next.AddMinutes(1);
        }

        return next;
    }

    public static DateTime NextHourlyAt(DateTime now, int minute)
    {
        var next = new DateTime(now.Year, now.Month, now.Day, now.Hour, minute, 0, DateTimeKind.Utc);
        return next > now ? next : next.AddHours(1);
    }

    private sealed record Seconds(int Every) : JobTiming($"every {Every} seconds")
    {
        public override DateTime NextAfter(DateTime utcNow) => NextEverySeconds(utcNow, Every);

        public override IScheduledEventConfiguration Apply(IScheduleInterval interval) => interval.EverySeconds(Every);
    }

    private sealed record Minutes(int Every) : JobTiming($"every {Every} minutes")
    {
        public override DateTime NextAfter(DateTime utcNow) => NextEveryMinutes(utcNow, Every);

        public override IScheduledEventConfiguration Apply(IScheduleInterval interval) => interval.Cron($"*/{Every} * * * *");
    }

    private sealed record Hourly(int Minute) : JobTiming($"hourly at :{Minute:D2}")
    {
        public override DateTime NextAfter(DateTime utcNow) => NextHourlyAt(utcNow, Minute);

        public override IScheduledEventConfiguration Apply(IScheduleInterval interval) => interval.HourlyAt(Minute);
    }

    public sealed record WeeklyAt(DayOfWeek Day, TimeOnly Time, TimeZoneInfo Zone, string ZoneName)
        : JobTiming($"{Day} {Time:HH:mm} {ZoneName}")
    {
        /// <summary>The Coravel cron expression, read in <see cref="Zone"/>.</summary>
        public string Cron => $"{Time.Minute} {Time.Hour} * * {(int)Day}";

        public override IScheduledEventConfiguration Apply(IScheduleInterval interval) => interval.Cron(Cron).Zoned(Zone);

        public override DateTime NextAfter(DateTime utcNow)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), Zone);
            for (var day = 0; day <= 7; day++)
            {
                var date = local.Date.AddDays(day);
                if (date.DayOfWeek != Day)
                {
                    continue;
                }

                var at = date + Time.ToTimeSpan();
                if (Zone.IsInvalidTime(at))
                {
                    at = at.AddHours(1);
                }

                var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), Zone);
                if (utc > utcNow)
                {
                    return utc;
                }
            }

            return utcNow.AddDays(7);
        }
    }
}
