using AsbOps.Domain.Referrals;

namespace AsbOps.Domain.Tests.Referrals;

public sealed class ReferralOutcomeTests
{
    private static readonly DateTime At = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static Referral Sent() => new() { Agency = Agency.Housing, Reason = "Tenancy breaches", CreatedByUserId = "pc", SentAt = At.AddDays(-3) };

    [Theory]
    [InlineData(ReferralStatus.Sent, ReferralStatus.Accepted, true)]
    [InlineData(ReferralStatus.Sent, ReferralStatus.Declined, true)]
    [InlineData(ReferralStatus.Sent, ReferralStatus.Closed, true)]
    [InlineData(ReferralStatus.Accepted, ReferralStatus.Closed, true)]
    [InlineData(ReferralStatus.Declined, ReferralStatus.Closed, true)]
    [InlineData(ReferralStatus.Accepted, ReferralStatus.Accepted, true)]
    [InlineData(ReferralStatus.Accepted, ReferralStatus.Declined, false)]
    [InlineData(ReferralStatus.Accepted, ReferralStatus.Sent, false)]
    [InlineData(ReferralStatus.Closed, ReferralStatus.Accepted, false)]
    [InlineData(ReferralStatus.Closed, ReferralStatus.Closed, false)]
    public void AReferralMovesForwardFromSentToAnsweredToClosedAndNeverBack(ReferralStatus from, ReferralStatus to, bool allowed) =>
        Assert.Equal(allowed, Referral.IsAllowedStep(from, to));

    [Fact]
    public void AcceptingStampsTheAnswerAndClosingStampsTheClose()
    {
        var referral = Sent();

        referral.RecordOutcome(ReferralStatus.Accepted, "  Officer assigned ", At);
        referral.RecordOutcome(ReferralStatus.Closed, "Support completed", At.AddDays(5));

        Assert.Equal((At, At.AddDays(5)), (referral.RespondedAt, referral.ClosedAt));
        Assert.Equal((ReferralStatus.Closed, "Support completed"), (referral.Status, referral.OutcomeNote));
    }

    [Fact]
    public void AClosedReferralCannotBeReopened()
    {
        var referral = Sent();
        referral.RecordOutcome(ReferralStatus.Closed, "Withdrawn", At);

        Assert.Throws<InvalidOperationException>(() => referral.RecordOutcome(ReferralStatus.Accepted, null, At.AddDays(1)));
    }
}
