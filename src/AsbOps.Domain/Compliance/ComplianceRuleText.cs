using System.Globalization;

namespace AsbOps.Domain.Compliance;

/// <summary>How a compliance rule and what a case is missing read to a compliance officer.</summary>
public static class ComplianceRuleText
{
    public static IReadOnlyList<ComplianceRule> All { get; } = Enum.GetValues<ComplianceRule>();

    /// <summary>Rules 1–3 together make up the headline "cases missing a risk assessment".</summary>
    public static bool IsMissingAssessment(ComplianceRule rule) =>
        rule is ComplianceRule.VictimWithoutAssessment or ComplianceRule.NoVictimNoLocationAssessment
            or ComplianceRule.PerpetratorWithoutAssessment;

    public static string Title(ComplianceRule rule) => rule switch
    {
        ComplianceRule.VictimWithoutAssessment => "Victim without a completed assessment",
        ComplianceRule.NoVictimNoLocationAssessment => "No victim and no location assessment",
        ComplianceRule.PerpetratorWithoutAssessment => "Perpetrator without an assessment",
        ComplianceRule.UnknownAnswer => "Unknown answers outstanding",
        ComplianceRule.SafeguardingWithoutReferral => "Safeguarding concern without a completed referral",
        ComplianceRule.HighRiskWithoutPlanOrMarker => "High risk without an action plan or marker",
        ComplianceRule.ReviewOverdue => "Review overdue",
        _ => rule.ToString(),
    };

    /// <summary>What the case is missing, as listed against each finding.</summary>
    public static string Missing(ComplianceRule rule, int count = 1, bool noActionPlan = false, bool noMarker = false) => rule switch
    {
        ComplianceRule.VictimWithoutAssessment => Plural(count, "victim has", "victims have") + " no completed risk assessment",
        ComplianceRule.NoVictimNoLocationAssessment => "No victim recorded and no completed location assessment",
        ComplianceRule.PerpetratorWithoutAssessment => Plural(count, "perpetrator has", "perpetrators have") + " no completed risk assessment",
        ComplianceRule.UnknownAnswer => Plural(count, "answer", "answers") + " still unknown",
        ComplianceRule.SafeguardingWithoutReferral => "Safeguarding concern recorded; safeguarding referral form not completed",
        ComplianceRule.HighRiskWithoutPlanOrMarker => (noActionPlan, noMarker) switch
        {
            (true, true) => "No action plan and no active history marker",
            (true, false) => "No action plan",
            _ => "No active history marker",
        },
        ComplianceRule.ReviewOverdue => "Sergeant's review overdue",
        _ => Title(rule),
    };

    private static string Plural(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);
}
