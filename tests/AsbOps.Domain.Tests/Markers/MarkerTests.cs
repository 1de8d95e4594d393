using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;

namespace AsbOps.Domain.Tests.Markers;

public sealed class MarkerTests
{
    [Fact]
    public void EndingAMarkerKeepsItWithTheFirstReason()
    {
        var marker = new Marker { Subject = "12 Example Road", PlacedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        var first = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);

        marker.End(first, "Risk fell below high");
        marker.End(first.AddDays(1), "Case closed");

        Assert.False(marker.IsActive);
        Assert.Equal(first, marker.EndedAt);
        Assert.Equal("Risk fell below high", marker.EndReason);
    }

    [Fact]
    public void ASafeguardingReferralIsCompleteOnlyWithItsWholeForm()
    {
        var referral = new Referral { Reason = "Child at risk", CreatedByUserId = "o", IsSafeguarding = true };
        Assert.False(referral.IsComplete);

        referral.SafeguardingConcerns = "Child left alone overnight";
        referral.ConsentToShare = false;
        Assert.False(referral.IsComplete);

        referral.ImmediateActions = "Welfare check completed";
        Assert.True(referral.IsComplete);
    }

    [Fact]
    public void AnOrdinaryReferralNeedsNoSafeguardingForm() =>
        Assert.True(new Referral { Reason = "Tenancy", CreatedByUserId = "o" }.IsComplete);

    [Fact]
    public void AnOpenActionPastItsDueDateIsOverdueButADoneOneIsNot()
    {
        var today = new DateOnly(2026, 11, 25);
        var open = new ActionItem { Description = "Visit", OwnerName = "PC", DueDate = today.AddDays(-1) };
        var done = new ActionItem { Description = "Visit", OwnerName = "PC", DueDate = today.AddDays(-1), Status = ActionStatus.Done };

        Assert.True(open.IsOverdue(today));
        Assert.False(done.IsOverdue(today));
        Assert.False(open.IsOverdue(today.AddDays(-1)));
    }
}
