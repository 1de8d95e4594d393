using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Intake;

/// <summary>Areas, officers, incidents and cases for the screening tests, stored through the real database.</summary>
public static class ScreeningData
{
    public static readonly DateTime At = new(2026, 11, 21, 8, 0, 0, DateTimeKind.Utc);

    public static UserScope Scope(AppUser user, string role) => new(user.Id, user.DisplayName, role, user.AreaId, null);

    public static async Task<long> AddIncidentAsync(
        this AsbOpsAppFactory app, int areaId, string stormRef, string address = "3 Test Street", string postcode = "TE1 1ST", string? reporter = null)
    {
        await using var db = app.CreateDbContext();
        var incident = new Incident
        {
            StormRef = stormRef,
            ReceivedAt = At,
            CreatedAt = At,
            AreaId = areaId,
            Category = AsbCategory.Nuisance,
            Address = address,
            Postcode = postcode,
            Description = $"Loud music and threats at {address}",
            ReporterName = reporter,
            Thrive = new ThriveAssessment { Threat = "Verbal threats", Grade = ThriveGrade.Priority },
        };
        db.Incidents.Add(incident);
        await db.SaveChangesAsync();
        return incident.Id;
    }

    public static async Task<AsbCase> AddCaseAsync(
        this AsbOpsAppFactory app, int areaId, string reference, string address, string postcode, DateTime openedAt,
        CaseStatus status = CaseStatus.Open, (string First, string Last, PersonRole Role)? person = null)
    {
        await using var db = app.CreateDbContext();
        var asbCase = new AsbCase
        {
            Reference = reference,
            AreaId = areaId,
            Category = AsbCategory.Personal,
            OpenedAt = openedAt,
            Status = status,
            Address = address,
            Postcode = postcode,
            Summary = "Existing problem",
        };
        db.Cases.Add(asbCase);
        if (person is { } p)
        {
            var stored = new Person { FirstName = p.First, LastName = p.Last, SearchName = Person.ToSearchName(p.First, p.Last) };
            asbCase.Participants.Add(new CaseParticipant { Person = stored, Role = p.Role, AddedAt = openedAt });
        }

        await db.SaveChangesAsync();
        return asbCase;
    }
}
