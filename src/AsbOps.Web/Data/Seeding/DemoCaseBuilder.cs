using AsbOps.Domain.Cases;
using AsbOps.Domain.Compliance;
using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Builds one case from its plan: lead officer, location, the people and their roles, the incidents, the
/// assessments and the case's risk, reviews and closure; then its plan, referrals, markers and reminders.
/// </summary>
internal sealed class DemoCaseBuilder(
    DemoCalendar calendar,
    IReadOnlyList<DemoAreaStaff> staff,
    DemoPeoplePool people,
    DemoIncidentBuilder incidents,
    DemoRiskBuilder risk,
    DemoFollowUpBuilder followUps)
{
    private static readonly ReviewCadence Cadence = new();

    public DemoCaseDraft Build(Random rng, DemoCasePlan plan)
    {
        var area = staff[plan.AreaIndex];

        // The demo officer leads a fair share of their area's cases so that their own lists are not empty.
        var lead = area.Officers[0].Email == DemoLogins.Officer && rng.Chance(0.15) ? area.Officers[0] : rng.Pick(area.Officers);
        var asbCase = new AsbCase
        {
            Reference = plan.Reference.ToString(),
            AreaId = area.Area.Id,
            Category = plan.Category,
            LeadOfficerId = lead.Id,
            OpenedAt = plan.OpenedAt,
            Address = "",
            Postcode = "",
            Summary = "",
        };

        var subjects = AddPeople(rng, plan, asbCase, out var home);
        var location = plan.Category == AsbCategory.Personal || (plan.Category == AsbCategory.Nuisance && rng.Chance(0.4))
            ? home
            : DemoPlaces.PublicPlace(rng, area.Place);
        asbCase.Address = location.Line;
        asbCase.Postcode = location.Postcode;

        var reporter = subjects.FirstOrDefault(s => s.Role is PersonRole.Victim or PersonRole.ReportingPerson)?.Person;
        incidents.AddToCase(rng, asbCase, plan, area, lead.Id, reporter, home);

        var hasVictim = subjects.Any(s => s.Role == PersonRole.Victim);
        if (!hasVictim || rng.Chance(0.05))
        {
            subjects.Add(new DemoSubject(null, null, null));
        }

        var timeline = risk.Assess(rng, plan, asbCase, subjects, lead.Id, area.Sergeant.Id);
        Review(rng, plan, asbCase);
        if (plan.UnderReview)
        {
            asbCase.Status = CaseStatus.UnderReview;
        }

        if (plan.ClosedAt is { } closedAt)
        {
            asbCase.Close(plan.ClosureReason!.Value, closedAt);
        }

        var draft = new DemoCaseDraft(asbCase);
        followUps.Add(rng, draft, plan, subjects, timeline, area, lead);
        return draft;
    }

    private List<DemoSubject> AddPeople(Random rng, DemoCasePlan plan, AsbCase asbCase, out DemoAddress home)
    {
        var areaPlace = staff[plan.AreaIndex].Place;
        home = DemoPlaces.Home(rng, areaPlace);
        var subjects = new List<DemoSubject>();
        var onCase = new List<Person>();

        var victimChance = plan.Category switch { AsbCategory.Personal => 0.98, AsbCategory.Nuisance => 0.93, _ => 0.7 };
        var hasVictim = plan.Backlog switch
        {
            DemoBacklog.VictimUnassessed => true,
            DemoBacklog.LocationUnassessed => false,
            _ => rng.Chance(victimChance),
        };
        if (hasVictim)
        {
            var victim = people.Repeat(rng, plan.AreaIndex, PersonRole.Victim, onCase) is { } known && rng.Chance(0.08)
                ? known
                : Remembered(plan.AreaIndex, PersonRole.Victim, people.Create(rng, home, rng.Chance(0.07) ? 11 : 18, rng.Chance(0.2) ? 90 : 75));
            home = new DemoAddress(victim.Person.Address!, victim.Person.Postcode!);
            subjects.Add(Join(asbCase, victim, PersonRole.Victim, plan.OpenedAt, onCase));

            // A household: each member is a victim in their own right and is assessed individually.
            if (rng.Chance(0.14))
            {
                var member = people.Create(rng, home, 11, 80, victim.Person.LastName);
                subjects.Add(Join(asbCase, member, PersonRole.Victim, plan.OpenedAt.AddMinutes(5), onCase));
            }
        }

        var perpetratorChance = plan.Category switch { AsbCategory.Personal => 0.75, AsbCategory.Nuisance => 0.55, _ => 0.25 };
        if (plan.Backlog == DemoBacklog.PerpetratorUnassessed || rng.Chance(perpetratorChance))
        {
            var count = rng.Chance(0.2) ? 2 : 1;
            for (var i = 0; i < count && onCase.Count < 4; i++)
            {
                var perpetrator = people.Repeat(rng, plan.AreaIndex, PersonRole.Perpetrator, onCase) is { } known && rng.Chance(0.15)
                    ? known
                    : Remembered(plan.AreaIndex, PersonRole.Perpetrator, NewPerpetrator(rng, plan, home));
                subjects.Add(Join(asbCase, perpetrator, PersonRole.Perpetrator, plan.OpenedAt.AddMinutes(10 + i), onCase));
            }
        }

        var others = onCase.Count == 0 ? 1 : (rng.Chance(0.25) ? 1 : 0);
        for (var i = 0; i < others && onCase.Count < 4; i++)
        {
            var role = onCase.Count == 0 || rng.Chance(0.4) ? PersonRole.ReportingPerson : PersonRole.Witness;
            var nearby = new DemoAddress(DemoPlaces.Home(rng, areaPlace).Line, home.Postcode);
            subjects.Add(Join(asbCase, people.Create(rng, nearby, 18, 80), role, plan.OpenedAt.AddMinutes(15), onCase));
        }

        return subjects;
    }

    private (Person Person, int Age) NewPerpetrator(Random rng, DemoCasePlan plan, DemoAddress victimHome)
    {
        var youth = rng.Chance(0.3);
        var address = plan.Category == AsbCategory.Personal && rng.Chance(0.5)
            ? new DemoAddress($"{rng.Next(1, 140)} {victimHome.Line.Split(' ', 2)[1]}", victimHome.Postcode)
            : DemoPlaces.Home(rng, staff[plan.AreaIndex].Place);
        return people.Create(rng, address, youth ? 13 : 18, youth ? 17 : 58);
    }

    private (Person Person, int Age) Remembered(int area, PersonRole role, (Person Person, int Age) created)
    {
        people.Remember(area, role, created.Person, created.Age);
        return created;
    }

    private static DemoSubject Join(AsbCase asbCase, (Person Person, int Age) who, PersonRole role, DateTime at, List<Person> onCase)
    {
        var participant = new CaseParticipant { Person = who.Person, Role = role, AddedAt = at };
        asbCase.Participants.Add(participant);
        onCase.Add(who.Person);
        return new DemoSubject(participant, who.Person, who.Age);
    }

    /// <summary>Sergeant reviews on the cadence of the case's level; about one open case in ten is overdue.</summary>
    private void Review(Random rng, DemoCasePlan plan, AsbCase asbCase)
    {
        var days = Cadence.DaysFor(asbCase.RiskLevel);
        var end = plan.ClosedAt ?? calendar.End;
        var age = (end - plan.OpenedAt).TotalDays;
        DateTime? last = null;
        if (age >= days)
        {
            var lateBy = !plan.IsClosed && rng.Chance(0.1) ? days + rng.Next(1, 12) : rng.Next(0, days);
            var candidate = end.AddDays(-lateBy).Date.AddHours(rng.Next(8, 18));
            last = candidate > plan.OpenedAt && candidate < end ? candidate : null;
        }

        if (plan.UnderReview)
        {
            last = calendar.End.AddDays(-rng.Next(1, 4)).AddHours(rng.Next(8, 18));
        }

        asbCase.LastReviewedAt = last;
        asbCase.NextReviewDue = Cadence.NextReviewDue(last ?? plan.OpenedAt, asbCase.RiskLevel);
    }
}
