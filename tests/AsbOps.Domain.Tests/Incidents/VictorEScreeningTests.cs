using AsbOps.Domain.Incidents;

namespace AsbOps.Domain.Tests.Incidents;

public sealed class VictorEScreeningTests
{
    [Fact]
    public void HarassmentAlarmOrDistressWithOneLetterIsCaseManaged()
    {
        var screening = new VictorEScreening { ScreenedByUserId = "o", HarassmentAlarmDistress = true, Ongoing = true };

        Assert.True(screening.ShouldBeCaseManaged);
        Assert.Equal("O", screening.Letters);
    }

    [Fact]
    public void LettersWithoutHarassmentAlarmOrDistressAreNotCaseManaged()
    {
        var screening = new VictorEScreening
        {
            ScreenedByUserId = "o",
            Vulnerable = true,
            Impact = true,
            CombinedApproach = true,
            Targeted = true,
            Ongoing = true,
            Risk = true,
            Hate = true,
        };

        Assert.False(screening.ShouldBeCaseManaged);
        Assert.Equal("V I C T O R E", screening.Letters);
    }

    [Fact]
    public void HarassmentAlarmOrDistressAloneIsNotCaseManaged() =>
        Assert.False(new VictorEScreening { ScreenedByUserId = "o", HarassmentAlarmDistress = true }.ShouldBeCaseManaged);
}
