using AsbOps.Domain.Compliance;

namespace AsbOps.Web.Features.Reminders;

/// <summary>
/// Section <c>Reminders:MissingAssessments</c>: days after a finding of rules 1–3, 5 or 6 is first seen (its grace
/// period already behind it) when the lead officer, then the sergeant, then the inspector is chased.
/// </summary>
public sealed class MissingAssessmentChaseOptions
{
    public const string Section = "Reminders:MissingAssessments";

    public double LeadOfficerDays { get; set; } = 1;

    public double SergeantDays { get; set; } = 3;

    public double InspectorDays { get; set; } = 7;

    public ChaseSchedule ToSchedule() => new(LeadOfficerDays, SergeantDays, InspectorDays);
}
