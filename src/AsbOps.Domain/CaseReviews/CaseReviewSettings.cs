namespace AsbOps.Domain.CaseReviews;

/// <summary>
/// The local settings of the ASB Case Review, bound from the <c>CaseReview</c> section. The clocks are in working
/// days; the threshold may be set lower than the statutory maximum but not higher.
/// </summary>
public sealed record CaseReviewSettings
{
    public const string Section = "CaseReview";

    /// <summary>Working days from receipt to acknowledging the application.</summary>
    public int AcknowledgeWorkingDays { get; init; } = 5;

    /// <summary>Working days from receipt to deciding whether the threshold is met.</summary>
    public int DecideWorkingDays { get; init; } = 10;

    /// <summary>Working days from the decision to holding the review meeting.</summary>
    public int ReviewWorkingDays { get; init; } = 20;

    /// <summary>Working days from the review meeting to telling the applicant the outcome.</summary>
    public int OutcomeWorkingDays { get; init; } = 5;

    /// <summary>Days off the published list does not hold yet (later years, one-off occasions).</summary>
    public DateOnly[] ExtraHolidays { get; init; } = [];

    public CaseReviewThreshold Threshold { get; init; } = new();

    public WorkingDayCalendar Calendar() => WorkingDayCalendar.EnglandAndWales(ExtraHolidays);
}

/// <summary>The local threshold (defaults: three reports about one matter in six months, each within a month of the behaviour; or five people in one locality).</summary>
public sealed record CaseReviewThreshold
{
    public int SameMatterReports { get; init; } = 3;

    public int WindowMonths { get; init; } = 6;

    /// <summary>A report counts only when made within this many months of the behaviour it describes.</summary>
    public int ReportWithinMonths { get; init; } = 1;

    public int IndividualsInLocality { get; init; } = 5;

    /// <summary>
    /// How near a report must be to count as "the same locality": within this many metres of where the reports relied
    /// on were made, when both carry coordinates; otherwise (or when 0) the same postcode sector, e.g. <c>LE11 3</c>.
    /// </summary>
    public int LocalityMetres { get; init; } = 500;
}
