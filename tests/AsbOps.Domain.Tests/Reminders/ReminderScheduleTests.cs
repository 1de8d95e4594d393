using AsbOps.Domain.Reminders;

namespace AsbOps.Domain.Tests.Reminders;

public sealed class ReminderScheduleTests
{
    private static readonly DateTime Created = new(2026, 1, 1, 9, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, null)]
    [InlineData(3, null)]
    [InlineData(4, 4)]
    [InlineData(6, 4)]
    [InlineData(7, 7)]
    [InlineData(10, 10)]
    [InlineData(13, 10)]
    [InlineData(14, 14)]
    [InlineData(20, 14)]
    [InlineData(21, 21)]
    [InlineData(28, 28)]
    [InlineData(60, 56)]
    public void TheLatestDueStepFollowsDaysFourSevenTenFourteenThenWeekly(int elapsedDays, int? expected) =>
        Assert.Equal(expected, ReminderSchedule.Default.LatestDueStep(Created, Created.AddDays(elapsedDays)));

    [Fact]
    public void AStepIsNotDueAMinuteEarly() =>
        Assert.Null(ReminderSchedule.Default.LatestDueStep(Created, Created.AddDays(4).AddMinutes(-1)));

    [Theory]
    [InlineData(4, 7)]
    [InlineData(7, 10)]
    [InlineData(10, 14)]
    [InlineData(14, 21)]
    [InlineData(21, 28)]
    public void EachStepHasANext(int step, int next) => Assert.Equal(next, ReminderSchedule.Default.NextStep(step));

    [Fact]
    public void AConfiguredScheduleIsHonoured()
    {
        var schedule = new ReminderSchedule([2, 5], 3);

        Assert.Equal(5, schedule.LatestDueStep(Created, Created.AddDays(6)));
        Assert.Equal(8, schedule.LatestDueStep(Created, Created.AddDays(9)));
    }

    [Fact]
    public void DaysMustIncrease() =>
        Assert.Throws<ArgumentException>(() => new ReminderSchedule([4, 4, 7], 7));

    [Fact]
    public void TheRepeatMustBePositive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReminderSchedule([4], 0));
}
