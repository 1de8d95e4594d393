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
        var incident = new CaseBuilder(db, At).Incident(areaId, stormRef, receivedAt: At, address: address, postcode: postcode,
            description: $"Loud music and threats at {address}", with: i =>
            {
                i.ReporterName = reporter;
                i.Thrive = new ThriveAssessment { Threat = "Verbal threats", Grade = ThriveGrade.Priority };
            });
        await db.SaveChangesAsync();
        return incident.Id;
    }

    public static async Task<AsbCase> AddCaseAsync(
        this AsbOpsAppFactory app, int areaId, string reference, string address, string postcode, DateTime openedAt,
        CaseStatus status = CaseStatus.Open, (string First, string Last, PersonRole Role)? person = null)
    {
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, openedAt);

        // The status is set as it is, without the closure details the builder would add.
        var asbCase = b.Case(areaId, reference, openedAt: openedAt, nextReviewInDays: null, address: address, postcode: postcode,
            summary: "Existing problem", with: c => c.Status = status);
        if (person is { } p)
        {
            b.Person(asbCase, p.Role, firstName: p.First, lastName: p.Last);
        }

        await db.SaveChangesAsync();
        return asbCase;
    }
}
