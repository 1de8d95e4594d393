using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Features.Compliance;

/// <summary>Section <c>Compliance</c>: the thresholds of the compliance rules (product.md defaults).</summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    /// <summary>Rule 1: hours an open case may have a victim without a completed assessment.</summary>
    public int VictimAssessmentGraceHours { get; set; } = 24;

    /// <summary>Rule 6 and the high-risk procedure: hours a high-risk case may go without an action plan.</summary>
    public int ActionPlanHours { get; set; } = 72;

    /// <summary>Rule 7: review cadence in days per risk level.</summary>
    public ReviewCadenceOptions ReviewCadence { get; set; } = new();

    /// <summary>Minutes between compliance sweeps.</summary>
    public int SweepEveryMinutes { get; set; } = 15;

    /// <summary>Days a sweep's snapshot (its counts) is kept; weekly snapshots are kept for ever.</summary>
    public int SweepRetentionDays { get; set; } = 90;

    /// <summary>Days a sweep's findings are kept (the bulk of a snapshot); weekly findings are kept for ever.</summary>
    public int SweepFindingsRetentionDays { get; set; } = 1;

    /// <summary>The weekly compliance check: day, local time and time zone.</summary>
    public DayOfWeek WeeklyCheckDay { get; set; } = DayOfWeek.Monday;

    public TimeOnly WeeklyCheckTime { get; set; } = new(7, 0);

    public string WeeklyCheckTimeZone { get; set; } = "Europe/London";

    /// <summary>
    /// Review-due reminders go to the sergeant for reviews that fell due within this many days; older overdue reviews
    /// are on the weekly list instead of flooding a sergeant's inbox the day the reminders are switched on.
    /// </summary>
    public int ReviewReminderLookbackDays { get; set; } = 7;

    public TimeZoneInfo WeeklyCheckZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(WeeklyCheckTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public ComplianceThresholds ToThresholds() => new(
        TimeSpan.FromHours(VictimAssessmentGraceHours),
        TimeSpan.FromHours(ActionPlanHours),
        new ReviewCadence(ReviewCadence.High, ReviewCadence.Medium, ReviewCadence.Low));
}

/// <summary>Section <c>Compliance:ReviewCadence</c>: days between sergeant's reviews by risk level.</summary>
public sealed class ReviewCadenceOptions
{
    public int High { get; set; } = 14;

    public int Medium { get; set; } = 28;

    public int Low { get; set; } = 56;
}
