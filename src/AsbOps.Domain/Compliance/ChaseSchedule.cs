namespace AsbOps.Domain.Compliance;

/// <summary>
/// The missing-assessment chase: the lead officer, then the sergeant, then the inspector, each a number of days after
/// the finding was first seen (the rule's grace period is already behind it then: a finding only exists once the
/// grace period has run out). After downtime only the latest due step is sent.
/// </summary>
public sealed class ChaseSchedule
{
    public static ChaseSchedule Default { get; } = new(1, 3, 7);

    public ChaseSchedule(double leadOfficerDays, double sergeantDays, double inspectorDays)
    {
        if (leadOfficerDays < 0 || sergeantDays <= leadOfficerDays || inspectorDays <= sergeantDays)
        {
            throw new ArgumentException("Chase days must be zero or more and increase from lead officer to sergeant to inspector.");
        }

        LeadOfficerDays = leadOfficerDays;
        SergeantDays = sergeantDays;
        InspectorDays = inspectorDays;
    }

    public double LeadOfficerDays { get; }

    public double SergeantDays { get; }

    public double InspectorDays { get; }

    /// <summary>The rules chased: missing assessments (1–3), safeguarding referrals (5), high-risk plan or marker (6).</summary>
    public static bool IsChased(ComplianceRule rule) => rule is ComplianceRule.VictimWithoutAssessment
        or ComplianceRule.NoVictimNoLocationAssessment or ComplianceRule.PerpetratorWithoutAssessment
        or ComplianceRule.SafeguardingWithoutReferral or ComplianceRule.HighRiskWithoutPlanOrMarker;

    public DateTime DueAt(DateTime firstSeenAt, ChaseStep step) => firstSeenAt.AddDays(step switch
    {
        ChaseStep.LeadOfficer => LeadOfficerDays,
        ChaseStep.Sergeant => SergeantDays,
        _ => InspectorDays,
    });

    /// <summary>The latest step due at <paramref name="now"/>, or null when none is due yet.</summary>
    public ChaseStep? LatestDueStep(DateTime firstSeenAt, DateTime now) =>
        new[] { ChaseStep.Inspector, ChaseStep.Sergeant, ChaseStep.LeadOfficer }
            .Where(s => DueAt(firstSeenAt, s) <= now).Select(s => (ChaseStep?)s).FirstOrDefault();
}
