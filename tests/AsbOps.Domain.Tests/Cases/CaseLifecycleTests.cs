using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;

namespace AsbOps.Domain.Tests.Cases;

public sealed class CaseLifecycleTests
{
    private static AsbCase OpenCase() => new()
    {
        Reference = "ASB-2026-000001",
        Address = "1 Example Road",
        Postcode = "LE11 1AA",
        Summary = "Noise",
        Category = AsbCategory.Nuisance,
        NextReviewDue = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void ClosingRecordsTheReasonAndTimeAndStopsReviews()
    {
        var @case = OpenCase();
        var at = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

        @case.Close(ClosureReason.Resolved, at);

        Assert.Equal(CaseStatus.Closed, @case.Status);
        Assert.Equal(ClosureReason.Resolved, @case.ClosureReason);
        Assert.Equal(at, @case.ClosedAt);
        Assert.Null(@case.NextReviewDue);
        Assert.False(@case.IsOpen);
    }

    [Fact]
    public void ACaseCannotBeClosedTwice()
    {
        var @case = OpenCase();
        @case.Close(ClosureReason.Resolved, DateTime.UtcNow);

        Assert.Throws<InvalidOperationException>(() => @case.Close(ClosureReason.NoFurtherAction, DateTime.UtcNow));
    }

    [Fact]
    public void AnUndefinedClosureReasonIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenCase().Close((ClosureReason)99, DateTime.UtcNow));

    [Theory]
    [InlineData(PersonRole.Victim, true)]
    [InlineData(PersonRole.Perpetrator, true)]
    [InlineData(PersonRole.Witness, false)]
    [InlineData(PersonRole.ReportingPerson, false)]
    [InlineData(PersonRole.Other, false)]
    public void VictimsAndPerpetratorsMustBeAssessed(PersonRole role, bool required) =>
        Assert.Equal(required, new CaseParticipant { Role = role }.RequiresAssessment);

    [Fact]
    public void SearchNameIsSurnameFirstUpperCase() =>
        Assert.Equal("O'NEILL MARY", Person.ToSearchName(" Mary ", "O'Neill"));
}
