using System.Globalization;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;

namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Makes incidents as the control room records them: a unique STORM reference per day, THRIVE notes and grade,
/// the reporter, and the attending officer's VICTOR-E screening.
/// </summary>
internal sealed class DemoIncidentBuilder(DemoCalendar calendar)
{
    private static readonly double[] IncidentsPerCase = [0.15, 0.25, 0.25, 0.15, 0.1, 0.06, 0.04];

    private readonly Dictionary<DateOnly, int> _perDay = [];

    public int Created { get; private set; }

    /// <summary>The case's incidents: the first one opened it, the rest came in while it was open.</summary>
    public void AddToCase(Random rng, AsbCase asbCase, DemoCasePlan plan, DemoAreaStaff staff, string leadId, Person? reporter, DemoAddress home)
    {
        var count = rng.PickWeighted(IncidentsPerCase) + 1;
        var end = plan.ClosedAt ?? calendar.End;
        var street = home.Line.Split(',')[0].TrimStart("0123456789 ".ToCharArray());
        for (var i = 0; i < count; i++)
        {
            var received = i == 0 ? plan.FirstReportAt : calendar.ReportTime(rng, plan.OpenedAt, end);
            var screenedAt = i == 0 ? plan.OpenedAt : calendar.NotAfterEnd(received.Minutes(rng, 40, 24 * 60), rng);
            var incident = New(rng, received, staff, asbCase.Category, caseManaged: true,
                asbCase.Address, asbCase.Postcode, home.Line, street, asbCase.Address);
            if (reporter is not null && rng.Chance(0.85))
            {
                incident.ReporterName = reporter.FullName;
                incident.ReporterPhone = reporter.Phone;
            }

            incident.Screening = Screening(rng, screenedAt, i == 0 || rng.Chance(0.8) ? leadId : rng.Pick(staff.Officers).Id, caseManaged: true, ongoing: i > 0);
            incident.ScreenedAt = incident.Screening.ScreenedAt;
            asbCase.Incidents.Add(incident);
        }

        asbCase.Summary = asbCase.Incidents[0].Description;
    }

    /// <summary>An incident not case managed (screened out) or, with <paramref name="screened"/> false, still waiting.</summary>
    public Incident Unmanaged(Random rng, DemoAreaStaff staff, DateTime received, bool screened)
    {
        var category = (AsbCategory)(rng.PickWeighted([0.25, 0.55, 0.2]) + 1);
        var home = DemoPlaces.Home(rng, staff.Place);
        var place = DemoPlaces.PublicPlace(rng, staff.Place);
        var atHome = category == AsbCategory.Personal || rng.Chance(0.3);
        var location = atHome ? home : place;
        var incident = New(rng, received, staff, category, caseManaged: false,
            location.Line, location.Postcode, home.Line, DemoPlaces.Street(rng), place.Line);
        if (rng.Chance(0.8))
        {
            incident.ReporterName = $"{DemoNames.FirstName(rng)} {DemoNames.LastName(rng)}";
            incident.ReporterPhone = DemoNames.Phone(rng);
        }

        if (screened)
        {
            incident.Screening = Screening(rng, calendar.NotAfterEnd(received.Minutes(rng, 40, 30 * 60), rng), rng.Pick(staff.Officers).Id, caseManaged: false, ongoing: false);
            incident.ScreenedAt = incident.Screening.ScreenedAt;
        }

        return incident;
    }

    private Incident New(Random rng, DateTime received, DemoAreaStaff staff, AsbCategory category, bool caseManaged,
        string address, string postcode, string home, string street, string place)
    {
        var byOfficer = rng.Chance(0.06);
        Created++;
        var reference = NextReference(received, byOfficer);
        var at = DemoCoordinates.For(address, reference);
        return new Incident
        {
            Latitude = at?.Latitude,
            Longitude = at?.Longitude,
            StormRef = reference,
            Source = byOfficer ? IncidentSource.Officer : IncidentSource.ControlRoom,
            ReceivedAt = received,
            AreaId = staff.Area.Id,
            Category = category,
            Address = address,
            Postcode = postcode,
            Description = DemoIncidentTexts.Description(rng, category, home, street, place),
            Thrive = DemoIncidentTexts.Thrive(rng, category, caseManaged),
            CreatedAt = received,
        };
    }

    private static VictorEScreening Screening(Random rng, DateTime at, string userId, bool caseManaged, bool ongoing)
    {
        var screening = new VictorEScreening { ScreenedAt = at, ScreenedByUserId = userId };
        if (caseManaged)
        {
            screening.HarassmentAlarmDistress = true;
            screening.Vulnerable = rng.Chance(0.3);
            screening.Impact = rng.Chance(0.5);
            screening.CombinedApproach = rng.Chance(0.2);
            screening.Targeted = rng.Chance(0.3);
            screening.Ongoing = ongoing ? rng.Chance(0.85) : rng.Chance(0.35);
            screening.Risk = rng.Chance(0.25);
            screening.Hate = rng.Chance(0.05);

            // Case managed means at least one letter applies.
            screening.Impact |= !screening.ShouldBeCaseManaged;
        }
        else
        {
            // Screened out: either no harassment, alarm or distress, or HAD without any VICTOR-E letter.
            screening.HarassmentAlarmDistress = rng.Chance(0.4);
        }

        screening.Notes = DemoIncidentTexts.ScreeningNote(rng, caseManaged);
        return screening;
    }

    private string NextReference(DateTime received, bool byOfficer)
    {
        var day = DateOnly.FromDateTime(received);
        var number = _perDay.GetValueOrDefault(day) + 1;
        _perDay[day] = number;
        var prefix = byOfficer ? "OFF" : "LP";
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{day:yyyyMMdd}-{number:D4}");
    }
}
