using AsbOps.Domain.Compliance;
using AsbOps.Web.Data;

namespace AsbOps.Web.Features.Compliance;

/// <summary>
/// The counters of one area, summed from <see cref="CaseFlags"/>: by a grouped query for the live counters, or in
/// memory by the sweep while it walks the cases for findings (so the sweep reads every case once, not twice).
/// </summary>
internal sealed class RuleTally
{
    public int AreaId { get; set; }
    public int Open { get; set; }
    public int High { get; set; }
    public int Missing { get; set; }
    public int Rule1 { get; set; }
    public int Rule2 { get; set; }
    public int Rule3 { get; set; }
    public int Unknown { get; set; }
    public int Rule5 { get; set; }
    public int Rule6 { get; set; }
    public int Rule7 { get; set; }

    public void Add(CaseFlags flags)
    {
        Open++;
        High += flags.High;
        Missing += flags.Missing;
        Rule1 += flags.Rule1;
        Rule2 += flags.Rule2;
        Rule3 += flags.Rule3;
        Unknown += flags.UnknownAnswers;
        Rule5 += flags.Rule5;
        Rule6 += flags.Rule6;
        Rule7 += flags.Rule7;
    }

    /// <summary>Whether the flagged case breaks <paramref name="rule"/>.</summary>
    public static bool Breaks(CaseFlags flags, ComplianceRule rule) => rule switch
    {
        ComplianceRule.VictimWithoutAssessment => flags.Rule1 == 1,
        ComplianceRule.NoVictimNoLocationAssessment => flags.Rule2 == 1,
        ComplianceRule.PerpetratorWithoutAssessment => flags.Rule3 == 1,
        ComplianceRule.UnknownAnswer => flags.Rule4Cases == 1,
        ComplianceRule.SafeguardingWithoutReferral => flags.Rule5 == 1,
        ComplianceRule.HighRiskWithoutPlanOrMarker => flags.Rule6 == 1,
        ComplianceRule.ReviewOverdue => flags.Rule7 == 1,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Unknown compliance rule."),
    };

    public static bool BreaksAny(CaseFlags flags) =>
        flags.Rule1 + flags.Rule2 + flags.Rule3 + flags.Rule4Cases + flags.Rule5 + flags.Rule6 + flags.Rule7 > 0;

    public AreaComplianceCounts ToCounts(AreaLookup.Entry area) =>
        new(area.Id, area.Code, area.Name, Open, High, Missing, Unknown, Rule7, new Dictionary<ComplianceRule, int>
        {
            [ComplianceRule.VictimWithoutAssessment] = Rule1,
            [ComplianceRule.NoVictimNoLocationAssessment] = Rule2,
            [ComplianceRule.PerpetratorWithoutAssessment] = Rule3,
            [ComplianceRule.UnknownAnswer] = Unknown,
            [ComplianceRule.SafeguardingWithoutReferral] = Rule5,
            [ComplianceRule.HighRiskWithoutPlanOrMarker] = Rule6,
            [ComplianceRule.ReviewOverdue] = Rule7,
        });
}
