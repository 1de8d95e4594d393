using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.CaseRecord.Contacts;

/// <summary>One logged contact with a victim.</summary>
public sealed record VictimContactView(long Id, DateTime ContactedAt, ContactMethod Method, string ByName, string Outcome, DateTime NextContactDue);

/// <summary>
/// A victim on the case and their contact: how often (agreed, or the default for their risk), when the next contact is
/// due and whether that has passed, and the contacts so far, newest first. <see cref="PlanVersion"/> goes back with a
/// change of frequency, so a change made meanwhile by someone else is detected.
/// </summary>
public sealed record VictimContactRow(
    long ParticipantId, string Name, RiskLevel RiskLevel, int FrequencyDays, bool FrequencyAgreed, DateTime NextContactDue, bool Overdue,
    DateTime? LastContactAt, int PlanVersion, IReadOnlyList<VictimContactView> Contacts);

/// <summary>The victims of a case with their contact, and whether the reader may log contacts (staff of the area, an open case).</summary>
public sealed record VictimContactsModel(IReadOnlyList<VictimContactRow> Victims, bool CanWrite)
{
    public int OverdueCount => Victims.Count(v => v.Overdue);
}

/// <summary>A victim whose next contact is overdue: for the case summary.</summary>
public sealed record OverdueVictimContact(long ParticipantId, string Name, DateTime Due);

/// <summary>A contact as entered.</summary>
public sealed class VictimContactInput
{
    public long ParticipantId { get; set; }

    public DateTime? ContactedOn { get; set; }

    public ContactMethod? Method { get; set; }

    public string? Outcome { get; set; }

    public DateTime? NextContactDueOn { get; set; }
}

/// <summary>An agreed frequency as entered: days between contacts, or null for the default of the victim's risk.</summary>
public sealed class ContactFrequencyInput
{
    public long ParticipantId { get; set; }

    public int? FrequencyDays { get; set; }

    /// <summary>The plan's version when read (0 when the victim had no plan).</summary>
    public int Version { get; set; }
}
