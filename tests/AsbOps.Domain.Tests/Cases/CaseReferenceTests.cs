using AsbOps.Domain.Cases;

namespace AsbOps.Domain.Tests.Cases;

public sealed class CaseReferenceTests
{
    [Fact]
    public void AReferenceIsTheYearAndASixDigitSequence() =>
        Assert.Equal("ASB-2026-004213", new CaseReference(2026, 4213).ToString());

    [Theory]
    [InlineData("ASB-2026-004213", 2026, 4213)]
    [InlineData("asb-2026-000001", 2026, 1)]
    [InlineData(" ASB-2019-999999 ", 2019, 999999)]
    public void AWellFormedReferenceParses(string text, int year, int sequence)
    {
        Assert.True(CaseReference.TryParse(text, out var reference));
        Assert.Equal(new CaseReference(year, sequence), reference);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ASB-2026-4213")]
    [InlineData("ASB-2026-00421X")]
    [InlineData("ABS-2026-004213")]
    [InlineData("ASB-2026-000000")]
    [InlineData("ASB-1999-000001")]
    [InlineData("ASB-2026_004213")]
    [InlineData("ASB-+026-004213")]
    public void AnythingElseDoesNotParse(string? text) => Assert.False(CaseReference.TryParse(text, out _));
}
