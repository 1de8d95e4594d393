using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// The case record of the demo's open cases: a few notes (some shared with an agency the case is shared with), and
/// each victim's contacts at the default frequency of their risk, the latest six kept, about one victim in seven left
/// overdue. Uses a random of its own, seeded by the case reference, so the rest of the demo force is unchanged by it.
/// </summary>
internal static class DemoRecordBuilder
{
    private static readonly string[] NoteTexts =
    [
        "Spoke to the victim by phone; incidents have eased since the warning letter.",
        "Housing officer confirms a tenancy warning has been issued to the perpetrator.",
        "Patrol plan in place for Friday and Saturday evenings; no calls this week.",
        "Victim reports being followed from the bus stop; advised to call 999 if it happens again.",
        "CCTV request sent to the council for the underpass camera.",
        "Neighbour willing to give a statement; visit booked.",
        "Perpetrator's family spoken to at home; they accept the behaviour must stop.",
        "Case discussed at the monthly ASB meeting; partners agree to a joint visit.",
    ];

    private static readonly string[] Outcomes =
    [
        "Victim reassured; no new incidents since the last contact.",
        "Noise continues most nights; diary sheets handed over.",
        "No answer; card left, follow-up call made the next day.",
        "Victim feels safer since the patrols; wants contact to continue.",
        "Victim reports a new incident; logged and linked to the case.",
        "Discussed target hardening; fitting booked with the council.",
    ];

    private static readonly ContactMethod[] Methods = [ContactMethod.Visit, ContactMethod.Phone, ContactMethod.Phone, ContactMethod.Letter, ContactMethod.Email, ContactMethod.Video];

    public static void Add(DemoCaseDraft draft, DemoCasePlan plan, IEnumerable<CaseParticipant> victims, DemoStaffMember lead, DateTime end)
    {
        if (plan.IsClosed)
        {
            return;
        }

        var c = draft.Case;
        var rng = new Random(c.Reference.Aggregate(17, (hash, ch) => unchecked((hash * 31) + ch)));
        var span = Math.Max(1, (int)(end - c.OpenedAt).TotalHours);
        var sharedWith = draft.Shares.Select(s => (Domain.Referrals.Agency?)s.Agency).FirstOrDefault();
        foreach (var hours in Enumerable.Range(0, rng.Next(1, 4)).Select(_ => rng.Next(1, span)).Order())
        {
            draft.Notes.Add(new CaseNote
            {
                WrittenAt = c.OpenedAt.AddHours(hours),
                AuthorUserId = lead.Id,
                AuthorName = lead.DisplayName,
                Text = NoteTexts[rng.Next(NoteTexts.Length)],
                SharedWith = sharedWith is not null && rng.NextDouble() < 0.5 ? sharedWith : null,
            });
        }

        foreach (var victim in victims)
        {
            var every = ContactSchedule.DefaultFrequencyDays(victim.RiskLevel);
            var stop = rng.NextDouble() < 0.15 ? end.AddDays(-every - rng.Next(1, 6)) : end;
            var times = new List<DateTime>();
            for (var at = victim.AddedAt.AddDays(Math.Max(1, every / 2)); at < stop; at = at.AddDays(every - rng.Next(0, 2)))
            {
                times.Add(at);
            }

            if (times.Count == 0)
            {
                continue;
            }

            foreach (var at in times.TakeLast(6))
            {
                draft.Contacts.Add((new VictimContact
                {
                    ContactedAt = at,
                    Method = Methods[rng.Next(Methods.Length)],
                    ByUserId = lead.Id,
                    ByName = lead.DisplayName,
                    Outcome = Outcomes[rng.Next(Outcomes.Length)],
                    NextContactDue = at.AddDays(every),
                }, victim));
            }

            draft.ContactPlans.Add((new VictimContactPlan { LastContactAt = times[^1], NextContactDue = times[^1].AddDays(every), Version = 1 }, victim));
        }
    }
}
