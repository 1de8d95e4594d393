using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;

namespace AsbOps.Domain.Tests.Cases;

public sealed class CaseReferenceSequenceTests
{
    [Fact]
    public void TheFirstCaseOfAYearIsNumberOne()
    {
        Assert.Equal("ASB-2027-000001", CaseReference.NextAfter(2027, null).ToString());
    }

    [Fact]
    public void TheNextCaseFollowsTheHighestOfTheSameYear()
    {
        Assert.Equal("ASB-2026-004214", CaseReference.NextAfter(2026, "ASB-2026-004213").ToString());
    }

    [Fact]
    public void AReferenceOfAnotherYearStartsTheSequenceAgain()
    {
        Assert.Equal("ASB-2027-000001", CaseReference.NextAfter(2027, "ASB-2026-004213").ToString());
    }

    [Fact]
    public void TheYearPrefixMatchesTheStartOfEveryReferenceOfThatYear()
    {
        Assert.StartsWith(CaseReference.YearPrefix(2026), new CaseReference(2026, 42).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnOfficerIncidentReferenceCarriesTheDayAndAFourDigitSequence()
    {
        var day = new DateOnly(2026, 11, 25);

        Assert.Equal("OFF-20261125-0001", OfficerIncidentReference.NextAfter(day, null));
        Assert.Equal("OFF-20261125-0008", OfficerIncidentReference.NextAfter(day, "OFF-20261125-0007"));
        Assert.Equal("OFF-20261125-0001", OfficerIncidentReference.NextAfter(day, "OFF-20261124-0031"));
    }
}
