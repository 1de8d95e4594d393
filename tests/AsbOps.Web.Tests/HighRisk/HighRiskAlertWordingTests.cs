using AsbOps.Web.Features.HighRisk;

namespace AsbOps.Web.Tests.HighRisk;

/// <summary>The high-risk email reads as the screens do: UK local time, roles in words.</summary>
public sealed class HighRiskAlertWordingTests
{
    [Fact]
    public void TheEmailGivesUkLocalTimeNotUtc()
    {
        var summer = new DateTime(2026, 7, 1, 13, 5, 0, DateTimeKind.Utc);

        var email = HighRiskAlertEmails.Compose("k", 1, "ASB-2026-000001", "NORTH", ["Jo Bloggs (reporting person)"], summer,
            "sergeant@test.local", "https://asbops.test/cases/ASB-2026-000001");

        Assert.Contains("1 July 2026 14:05 (UK time)", email.TextBody);
        Assert.DoesNotContain("UTC", email.TextBody);
        Assert.Contains("14:05 (UK time)", email.HtmlBody);
    }
}
