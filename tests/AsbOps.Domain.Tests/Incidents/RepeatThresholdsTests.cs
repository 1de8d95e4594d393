using AsbOps.Domain.Incidents;

namespace AsbOps.Domain.Tests.Incidents;

public sealed class RepeatThresholdsTests
{
    private static readonly DateTime At = new(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);
    private readonly RepeatThresholds _thresholds = new();

    [Fact]
    public void ThreeIncidentsWithinSixMonthsAreARepeat()
    {
        Assert.True(_thresholds.IsRepeat(At, [At.AddDays(-10), At.AddDays(-100)]));
    }

    [Fact]
    public void TwoIncidentsWithinSixMonthsAreNotARepeat()
    {
        Assert.False(_thresholds.IsRepeat(At, [At.AddDays(-10)]));
    }

    [Fact]
    public void AnIncidentExactly183DaysEarlierStillCounts()
    {
        Assert.True(_thresholds.IsRepeat(At, [At.AddDays(-1), At.AddDays(-183)]));
    }

    [Fact]
    public void AnIncidentOneSecondMoreThan183DaysEarlierDoesNotCount()
    {
        Assert.False(_thresholds.IsRepeat(At, [At.AddDays(-1), At.AddDays(-183).AddSeconds(-1)]));
    }

    [Fact]
    public void LaterIncidentsDoNotCountTowardsAnEarlierOne()
    {
        Assert.False(_thresholds.IsRepeat(At, [At.AddDays(-1), At.AddDays(1)]));
    }

    [Fact]
    public void TheCountAndWindowAreConfigurable()
    {
        var strict = new RepeatThresholds { Count = 4, WindowDays = 30 };

        Assert.False(strict.IsRepeat(At, [At.AddDays(-1), At.AddDays(-2), At.AddDays(-31)]));
        Assert.True(strict.IsRepeat(At, [At.AddDays(-1), At.AddDays(-2), At.AddDays(-30)]));
    }

    [Fact]
    public void TheThirdReportWithinSixMonthsMeetsTheCaseReviewThreshold()
    {
        Assert.True(_thresholds.MeetsCaseReviewThreshold(At, [At.AddDays(-183), At.AddDays(-90), At]));
    }

    [Fact]
    public void TwoReportsDoNotMeetTheCaseReviewThreshold()
    {
        Assert.False(_thresholds.MeetsCaseReviewThreshold(At, [At.AddDays(-5), At]));
    }

    [Fact]
    public void ThreeReportsSpreadOverMoreThan183DaysDoNotMeetTheCaseReviewThreshold()
    {
        Assert.False(_thresholds.MeetsCaseReviewThreshold(At, [At.AddDays(-183).AddSeconds(-1), At.AddDays(-90), At]));
    }

    [Fact]
    public void AnOldClusterDoesNotRaiseTheTriggerWhenALateIncidentIsLinked()
    {
        var old = At.AddDays(-400);

        Assert.False(_thresholds.MeetsCaseReviewThreshold(At, [old, old.AddDays(1), old.AddDays(2), At]));
    }

    [Fact]
    public void ABackdatedIncidentThatCompletesAClusterMeetsTheCaseReviewThreshold()
    {
        var linked = At.AddDays(-50);

        Assert.True(_thresholds.MeetsCaseReviewThreshold(linked, [At.AddDays(-120), linked, At]));
    }
}
