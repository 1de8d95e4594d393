using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Alerts;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Email;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Reminders;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// One built case and what hangs off it by id only (plan, referrals, shares, markers, reminders, alerts). The case
/// graph is saved first; <see cref="DemoBatchWriter"/> then fills in the ids those rows point to.
/// </summary>
internal sealed class DemoCaseDraft(AsbCase asbCase)
{
    public AsbCase Case { get; } = asbCase;

    public ActionPlan? Plan { get; set; }

    public List<(Referral Referral, CaseParticipant? Participant, Assessment? Assessment)> Referrals { get; } = [];

    public List<CaseShare> Shares { get; } = [];

    public List<(Marker Marker, Person? Person)> Markers { get; } = [];

    public List<(Reminder Reminder, OutboxMessage Email, Assessment Assessment)> Reminders { get; } = [];

    public List<Alert> Alerts { get; } = [];

    public List<CaseNote> Notes { get; } = [];

    public List<(VictimContact Contact, CaseParticipant Victim)> Contacts { get; } = [];

    public List<(VictimContactPlan Plan, CaseParticipant Victim)> ContactPlans { get; } = [];
}
