using AsbOps.Domain.Cases;
using AsbOps.Web.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.CaseRecord;

/// <summary>The case record the demo force shows: notes and victim contacts on its open cases, most contacts in date.</summary>
[Collection(DemoForceCollection.Name)]
public sealed class DemoCaseRecordTests(SeededDemoForce force)
{
    private readonly DateTime _end = DemoForceAppFactory.Today.UtcDateTime.Date;

    [Fact]
    public async Task OpenCasesHaveNotesAndTheirVictimsContactsWithAFewOverdue()
    {
        await using var db = force.App.CreateDbContext();
        var open = db.Cases.Where(CaseStanding.IsOpen);

        var openCases = await open.CountAsync();
        var casesWithNotes = await open.CountAsync(c => db.CaseNotes.Any(n => n.CaseId == c.Id));
        var notesOnClosedCases = await db.CaseNotes.CountAsync(n => db.Cases.Any(c => c.Id == n.CaseId && c.Status == CaseStatus.Closed));
        var victimsOnOpenCases = await db.CaseParticipants.CountAsync(p => p.Role == PersonRole.Victim && open.Any(c => c.Id == p.CaseId));
        var planned = await db.VictimContactPlans.CountAsync();
        var overduePlans = await db.VictimContactPlans.CountAsync(p => p.NextContactDue < _end);
        var contactsAfterTheirDue = await db.VictimContacts.CountAsync(c => c.ContactedAt >= c.NextContactDue);

        Assert.Equal(openCases, casesWithNotes);
        Assert.Equal(0, notesOnClosedCases);
        Assert.InRange(planned, victimsOnOpenCases / 2, victimsOnOpenCases);
        Assert.InRange(overduePlans, 1, planned / 4);
        Assert.Equal(0, contactsAfterTheirDue);
    }
}
