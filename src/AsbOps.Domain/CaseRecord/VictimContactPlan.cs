namespace AsbOps.Domain.CaseRecord;

/// <summary>
/// The agreed contact with one victim on a case: how often (<see cref="FrequencyDays"/>, or the default for their risk
/// when null) and when the next contact is due. A victim has a plan once a frequency is agreed or a contact logged;
/// until then <see cref="ContactSchedule"/> works the due date out from when they were added to the case.
/// </summary>
public sealed class VictimContactPlan
{
    public long Id { get; set; }

    public long CaseId { get; set; }

    public long CaseParticipantId { get; set; }

    /// <summary>Days between contacts agreed for this victim; null follows their risk level.</summary>
    public int? FrequencyDays { get; set; }

    public DateTime? LastContactAt { get; set; }

    public DateTime NextContactDue { get; set; }

    public int Version { get; set; }
}
