using AsbOps.Domain.Compliance;

namespace AsbOps.Domain.Tests.Compliance;

public sealed class MissingAssessmentAverageTests
{
    private static DateTime Day(int day, int hour = 0) => new(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void EachReadingCountsForAsLongAsItStood()
    {
        // 10 for a day, 20 for two days, 4 for the last day: (10×1 + 20×2 + 4×1) / 4 = 13.5.
        MissingReading[] readings = [new(Day(2), 10), new(Day(3), 20), new(Day(5), 4)];

        Assert.Equal(13.5, MissingAssessmentAverage.Over(readings, Day(2), Day(6)));
    }

    [Fact]
    public void AReadingBeforeThePeriodHoldsIntoItAndTimeBeforeAnyReadingIsLeftOut()
    {
        MissingReading[] readings = [new(Day(1), 30), new(Day(2, 12), 6)];

        // From the 2nd: 30 for 12 hours, then 6 for 36 hours: (30×12 + 6×36) / 48 = 12.
        Assert.Equal(12, MissingAssessmentAverage.Over(readings, Day(2), Day(4)));

        // Starting before the first reading: only the covered time counts.
        Assert.Equal(30, MissingAssessmentAverage.Over(readings, Day(1, 0).AddDays(-3), Day(2)));
    }

    [Fact]
    public void NoReadingOrAnEmptyPeriodHasNoAverage()
    {
        Assert.Null(MissingAssessmentAverage.Over([], Day(2), Day(3)));
        Assert.Null(MissingAssessmentAverage.Over([new(Day(5), 3)], Day(2), Day(3)));
        Assert.Null(MissingAssessmentAverage.Over([new(Day(1), 3)], Day(3), Day(3)));
    }

    [Fact]
    public void TheWeeklyTrendAveragesEachIsoWeekOnItsOwn()
    {
        // Monday 2 March to Monday 16 March 2026: 8 all of the first week, then 16 for half the second week and 0 after.
        MissingReading[] readings = [new(Day(2), 8), new(Day(9), 16), new(Day(12, 12), 0)];

        var weekly = MissingAssessmentAverage.Weekly(readings, Day(2), Day(16));

        Assert.Equal([new ComplianceWeek(2026, 10), new ComplianceWeek(2026, 11)], weekly.Select(w => w.Week));
        Assert.Equal(8, weekly[0].Average);
        Assert.Equal(8, weekly[1].Average);
    }
}
