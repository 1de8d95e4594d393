using AsbOps.Domain.CaseReviews;

namespace AsbOps.Domain.Tests.CaseReviews;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales();

    [Theory]
    [InlineData("2026-12-05", 5, "2026-12-11")] // Saturday: Monday is day one
    [InlineData("2026-04-02", 5, "2026-04-13")] // over Good Friday and Easter Monday
    [InlineData("2026-12-23", 5, "2027-01-04")] // over Christmas, the substitute Boxing Day and New Year
    [InlineData("2027-12-24", 1, "2027-12-29")] // both Christmas substitutes in 2027
    [InlineData("2027-12-31", 1, "2028-01-04")] // New Year's Day 2028 falls on a Saturday
    [InlineData("2026-12-09", 0, "2026-12-09")]
    public void AddsWorkingDaysSkippingWeekendsAndBankHolidays(string start, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), Calendar.AddWorkingDays(DateOnly.Parse(start), days));

    [Theory]
    [InlineData("2025-08-25", false)]
    [InlineData("2026-08-31", false)]
    [InlineData("2026-12-28", false)]
    [InlineData("2028-05-29", false)]
    [InlineData("2026-12-26", false)]
    [InlineData("2026-12-29", true)]
    [InlineData("2026-08-28", true)]
    public void KnowsTheBankHolidays(string day, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(day)));

    [Fact]
    public void AnExtraHolidayFromSettingsMovesTheDueDate()
    {
        var calendar = new CaseReviewSettings { ExtraHolidays = [new DateOnly(2026, 12, 8)] }.Calendar();

        Assert.Equal(new DateOnly(2026, 12, 14), calendar.AddWorkingDays(new DateOnly(2026, 12, 5), 5));
    }

    [Fact]
    public void ThePreviousWorkingDayOfTheTuesdayAfterEasterIsTheThursdayBefore() =>
        Assert.Equal(new DateOnly(2026, 4, 2), Calendar.PreviousWorkingDay(new DateOnly(2026, 4, 7)));

    [Fact]
    public void CountsWorkingDaysBetweenTwoDates() =>
        Assert.Equal(5, Calendar.WorkingDaysBetween(new DateOnly(2026, 4, 2), new DateOnly(2026, 4, 13)));

    [Fact]
    public void EveryListedHolidayIsAWeekday() =>
        Assert.All(EnglandAndWalesBankHolidays.All, d => Assert.False(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
}
