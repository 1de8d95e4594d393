using System.Net;
using AsbOps.Domain.Audit;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data.Auditing;
using AsbOps.Web.Features.People;
using AsbOps.Web.Features.People.SubjectAccess;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.People;

public sealed class SubjectAccessTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private SubjectAccessExport Export => app.Services.CreateScope().ServiceProvider.GetRequiredService<SubjectAccessExport>();

    private sealed record Fixture(PlanWorld World, long PersonId, string SecondRef, UserScope Compliance, string ComplianceEmail);

    /// <summary>
    /// Nora Subject: victim on the world's case (assessed, with two notes, a contact, a referral, a marker and a file) and
    /// witness on a second case; Rex Other is the perpetrator on the first case and named in one note.
    /// </summary>
    private async Task<Fixture> FixtureAsync(string prefix)
    {
        var world = await PlanWorld.CreateAsync(app, prefix);
        var email = $"dpo.{Guid.NewGuid():N}@test.local";
        var user = await app.AddUserAsync(email, Roles.Compliance);
        var compliance = new UserScope(user.Id, email, Roles.Compliance, null, null);
        await using var db = app.CreateDbContext();
        var version = await db.GuidanceVersions.OrderByDescending(g => g.Number).FirstAsync();
        var b = new CaseBuilder(db, version.Id, PlanWorld.Now);
        var victim = b.Person(world.CaseId, PersonRole.Victim, PlanWorld.OpenedAt, firstName: "Nora", lastName: "Subject", address: "3 Elm Row", postcode: "LE11 4DD");
        b.Person(world.CaseId, PersonRole.Perpetrator, PlanWorld.OpenedAt, firstName: "Rex", lastName: "Other");
        var second = b.Case(world.AreaId, openedAt: PlanWorld.Now.AddDays(-2));
        await db.SaveChangesAsync();
        b.Involve(second.Id, victim.PersonId, PersonRole.Witness, PlanWorld.Now.AddDays(-2));
        var assessment = b.Assess(world.CaseId, victim, RiskLevel.Medium, createdDaysAgo: 2, createdBy: world.Officer.UserId);
        b.Answer(assessment, "vulnerable", "yes");
        b.Answer(assessment, "repeat", "unknown");
        db.CaseNotes.AddRange(
            new CaseNote { CaseId = world.CaseId, WrittenAt = PlanWorld.Now.AddDays(-2), AuthorName = "PC One", Text = "Visited Nora at home" },
            new CaseNote { CaseId = world.CaseId, WrittenAt = PlanWorld.Now.AddDays(-1), AuthorName = "PC One", Text = "Rex Other seen outside again", SharedWith = Agency.Housing });
        await db.SaveChangesAsync();
        db.VictimContacts.Add(new VictimContact
        {
            CaseId = world.CaseId,
            CaseParticipantId = victim.Id,
            ContactedAt = PlanWorld.Now.AddDays(-1),
            Method = ContactMethod.Phone,
            ByName = "PC One",
            Outcome = "Nora reassured",
            NextContactDue = PlanWorld.Now.AddDays(13),
        });
        db.Referrals.Add(new Referral { CaseId = world.CaseId, CaseParticipantId = victim.Id, Agency = Agency.VictimServices, Reason = "Support after Rex's threats", SentAt = PlanWorld.Now, CreatedByUserId = "test" });
        db.Markers.Add(new Marker { CaseId = world.CaseId, SubjectType = MarkerSubjectType.Person, PersonId = victim.PersonId, Subject = "Nora Subject", RiskLevel = RiskLevel.High, PlacedAt = PlanWorld.Now.AddDays(-1) });
        db.CaseFiles.Add(new CaseFile
        {
            CaseId = world.CaseId,
            FileName = "door.jpg",
            ContentType = "image/jpeg",
            SizeBytes = 1234,
            Sha256 = new string('a', 64),
            StoredName = Guid.NewGuid().ToString("N"),
            UploadedAt = PlanWorld.Now.AddDays(-1),
            UploadedByName = "PC One",
        });
        await db.SaveChangesAsync();
        var trail = app.Services.GetRequiredService<AuditTrail>();
        await trail.RecordViewAsync(world.Officer, PersonViewService.AuditEntityType, victim.PersonId, null);
        return new Fixture(world, victim.PersonId, second.Reference, compliance, email);
    }

    [Fact]
    public async Task TheWorkbookHoldsEveryRecordAboutThePersonMarksThirdPartiesAndTheExportIsAudited()
    {
        var f = await FixtureAsync("SAA");

        var produced = await Export.ProduceAsync(f.Compliance, f.PersonId);

        using var workbook = new XLWorkbook(new MemoryStream(produced!.Value.Content));
        Assert.Equal(SubjectAccessWorkbook.SheetNames, workbook.Worksheets.Select(w => w.Name));
        Assert.Equal([[f.World.Reference, "Victim"], [f.SecondRef, "Witness"]], Rows(workbook, "Cases", 1, 5));
        Assert.Equal([["Medium", "Victim"]], Rows(workbook, "Assessments", 8, 3));
        Assert.Equal([["vulnerable", "yes"], ["repeat", "unknown"]], Rows(workbook, "Answers", 3, 4));
        Assert.Equal(
            [["Visited Nora at home", "Force only", ""], ["Rex Other seen outside again", "Housing", "Review: Rex Other"]],
            Rows(workbook, "Notes", 6, 4, 7));
        Assert.Equal([["Phone", "Nora reassured"]], Rows(workbook, "Contacts", 3, 5));
        Assert.Equal([["Victim services", "Support after Rex's threats", "Review: Rex Other"]], Rows(workbook, "Referrals", 2, 6, 8));
        Assert.Equal([[f.World.Reference, "High"]], Rows(workbook, "Markers", 1, 2));
        Assert.Equal([["door.jpg", "image/jpeg"]], Rows(workbook, "Files", 2, 3));
        Assert.Equal([[f.World.Reference, "Rex Other", "Perpetrator", "Review for redaction"]], Rows(workbook, "Third parties", 1, 2, 3, 4));
        Assert.Contains(Rows(workbook, "Views", 2, 3), r => r[0] == f.World.Officer.UserName && r[1] == $"Person {f.PersonId}");
        var person = Rows(workbook, "Person", 2).Select(r => r[0]).ToList();
        Assert.Equal([f.PersonId.ToString(), "Nora", "Subject"], person[..3]);
        Assert.Equal(("3 Elm Row", "LE11 4DD"), (person[4], person[5]));
        Assert.StartsWith($"subject-access-{f.PersonId}-", produced.Value.FileName, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == SubjectAccessExport.AuditEntityType && e.EntityId == f.PersonId.ToString()
            && e.UserId == f.Compliance.UserId && e.Action == AuditAction.View));
    }

    [Fact]
    public async Task OnlyComplianceOfficersAndAdministratorsExportAndTheDownloadIsAWorkbook()
    {
        var f = await FixtureAsync("SAB");

        Assert.Null(await Export.ProduceAsync(f.World.Officer, f.PersonId));
        Assert.Null(await Export.ProduceAsync(f.World.Sergeant, f.PersonId));
        Assert.NotNull(await Export.ProduceAsync(f.World.Admin, f.PersonId));

        using var compliance = await app.CreateSignedInClientAsync(f.ComplianceEmail);
        var ok = await compliance.GetAsync(SubjectAccessExport.PathFor(f.PersonId));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ok.Content.Headers.ContentType!.MediaType);
        using var officer = await app.CreateSignedInClientAsync(f.World.Officer.UserName);
        var refused = await officer.GetAsync(SubjectAccessExport.PathFor(f.PersonId));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await compliance.GetAsync(SubjectAccessExport.PathFor(-1))).StatusCode);
    }

    /// <summary>The text of the given columns (1-based) of every data row of a sheet.</summary>
    private static List<string[]> Rows(XLWorkbook workbook, string sheet, params int[] columns)
    {
        var ws = workbook.Worksheet(sheet);
        var last = ws.LastRowUsed()?.RowNumber() ?? 1;
        return Enumerable.Range(2, Math.Max(0, last - 1))
            .Select(r => columns.Select(c => ws.Cell(r, c).GetFormattedString()).ToArray())
            .ToList();
    }
}
