using AsbOps.Domain.Risk;

namespace AsbOps.Domain.Compliance;

/// <summary>How often a sergeant reviews a case, by risk level (14 / 28 / 56 days by default).</summary>
public sealed record ReviewCadence(int HighDays = 14, int MediumDays = 28, int LowDays = 56)
{
    public int DaysFor(RiskLevel level) => level switch
    {
        RiskLevel.High => HighDays,
        RiskLevel.Medium => MediumDays,
        _ => LowDays,
    };

    public DateTime NextReviewDue(DateTime lastReviewOrOpened, RiskLevel level) => lastReviewOrOpened.AddDays(DaysFor(level));
}
