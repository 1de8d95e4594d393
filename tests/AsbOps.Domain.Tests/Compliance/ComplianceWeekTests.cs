using AsbOps.Domain.Compliance;

namespace AsbOps.Domain.Tests.Compliance;

public sealed class ComplianceWeekTests
{
    [Fact]
    public void TheWeekIsCountedInUkLocalDates()
    {
        // 23:30 UTC on Sunday 29 March 2026 is 00:30 on Monday in British Summer Time.
        var week = ComplianceWeek.Of(new DateTime(2026, 3, 29, 23, 30, 0, DateTimeKind.Utc));

        Assert.Equal("2026-W14", week.Key);
        Assert.Equal(new DateTime(2026, 3, 29, 23, 0, 0, DateTimeKind.Utc), week.StartUtc);
        Assert.Equal(new DateTime(2026, 4, 5, 23, 0, 0, DateTimeKind.Utc), week.EndUtc);
    }

    [Fact]
    public void TheWeekBeforeTheFirstIsTheLastOfTheYearBefore()
    {
        Assert.Equal("2025-W52", new ComplianceWeek(2026, 1).Previous.Key);
        Assert.Equal("2026-W52", new ComplianceWeek(2026, 53).Previous.Key);
    }

    [Theory]
    [InlineData("2026-W09", true)]
    [InlineData("2026-w09", true)]
    [InlineData("2026-W53", true)]
    [InlineData("2025-W53", false)]
    [InlineData("2026-W00", false)]
    [InlineData("2026-09", false)]
    [InlineData("=1+1", false)]
    [InlineData("", false)]
    public void OnlyRealIsoWeeksParse(string text, bool parses)
    {
        Assert.Equal(parses, ComplianceWeek.TryParse(text, out _));
    }
}
