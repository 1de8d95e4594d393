using AsbOps.Domain.Audit;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Features.Intake.Screening;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Intake;

public sealed class IncidentScreeningTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private IncidentScreeningService Service => app.Services.CreateScope().ServiceProvider.GetRequiredService<IncidentScreeningService>();

    [Fact]
    public async Task HarassmentWithALetterOpensANewCaseWithTheNextReferenceAndLinksTheIncident()
    {
        var area = await app.AddAreaAsync("SCRNEW");
        var officer = await app.AddUserAsync("scr.new@test.local", Roles.Officer, area.Id, displayName: "PC New");
        var year = UkTime.ToLocal(DateTime.UtcNow).Year;
        await app.AddCaseAsync(area.Id, new CaseReference(year, 4213).ToString(), "99 Elsewhere", "EL1 1EE", ScreeningData.At);
        var incidentId = await app.AddIncidentAsync(area.Id, "SN-0001");
        var changes = new List<OpsChange>();
        using var subscription = app.Services.GetRequiredService<OpsNotifier>().Subscribe(c => { lock (changes) { changes.Add(c); } return Task.CompletedTask; });

        var outcome = await Service.ScreenAsync(ScreeningData.Scope(officer, Roles.Officer), incidentId,
            new ScreeningInput { HarassmentAlarmDistress = true, Targeted = true, Notes = "Neighbour targeted again" });

        Assert.True(outcome.Succeeded);
        Assert.True(outcome.CaseOpened);
        Assert.Equal(new CaseReference(year, 4214).ToString(), outcome.CaseRef);
        await using var db = app.CreateDbContext();
        var incident = await db.Incidents.Include(i => i.Screening).SingleAsync(i => i.Id == incidentId);
        var asbCase = await db.Cases.SingleAsync(c => c.Reference == outcome.CaseRef);
        Assert.Equal(asbCase.Id, incident.CaseId);
        Assert.Equal("T", incident.Screening!.Letters);
        Assert.Equal(officer.Id, incident.Screening.ScreenedByUserId);
        Assert.Equal((area.Id, incident.Category, officer.Id, incident.Address, incident.Postcode, incident.Description, CaseStatus.Open),
            (asbCase.AreaId, asbCase.Category, asbCase.LeadOfficerId, asbCase.Address, asbCase.Postcode, asbCase.Summary, asbCase.Status));
        Assert.Equal(RiskLevel.NotAssessed, asbCase.RiskLevel);
        Assert.Equal(asbCase.OpenedAt.AddDays(56), asbCase.NextReviewDue);
        lock (changes)
        {
            Assert.Contains(changes, c => c.Kind == OpsChangeKind.IncidentScreened && c.AreaCode == "SCRNEW" && c.CaseRef == outcome.CaseRef);
            Assert.Contains(changes, c => c.Kind == OpsChangeKind.CaseChanged && c.CaseRef == outcome.CaseRef);
        }
    }

    [Fact]
    public async Task ScreeningWithoutAnyLetterStoresTheScreeningAndLeavesTheIncidentWithoutACase()
    {
        var area = await app.AddAreaAsync("SCRNONE");
        var officer = await app.AddUserAsync("scr.none@test.local", Roles.Officer, area.Id);
        var incidentId = await app.AddIncidentAsync(area.Id, "SO-0001");
        int casesBefore;
        await using (var before = app.CreateDbContext())
        {
            casesBefore = await before.Cases.CountAsync();
        }

        var outcome = await Service.ScreenAsync(ScreeningData.Scope(officer, Roles.Officer), incidentId, new ScreeningInput { HarassmentAlarmDistress = true });

        Assert.Equal(ScreeningStatus.Screened, outcome.Status);
        Assert.Null(outcome.CaseRef);
        await using var db = app.CreateDbContext();
        var incident = await db.Incidents.Include(i => i.Screening).SingleAsync(i => i.Id == incidentId);
        Assert.NotNull(incident.Screening);
        Assert.False(incident.Screening.ShouldBeCaseManaged);
        Assert.Null(incident.CaseId);
        Assert.Equal(casesBefore, await db.Cases.CountAsync());
    }

    [Fact]
    public async Task WhenOpeningTheCaseFailsNothingOfTheScreeningIsStored()
    {
        var area = await app.AddAreaAsync("SCRFAIL");
        var incidentId = await app.AddIncidentAsync(area.Id, "SF-0001");
        // A lead officer who no longer exists: the case insert breaks its foreign key after the screening was added.
        var vanished = new UserScope(Guid.NewGuid().ToString(), "Removed user", Roles.Officer, area.Id, null);
        int casesBefore;
        await using (var before = app.CreateDbContext())
        {
            casesBefore = await before.Cases.CountAsync();
        }

        await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
            Service.ScreenAsync(vanished, incidentId, new ScreeningInput { HarassmentAlarmDistress = true, Ongoing = true }));

        await using var db = app.CreateDbContext();
        Assert.False(await db.Screenings.AnyAsync(s => s.IncidentId == incidentId));
        Assert.Null((await db.Incidents.SingleAsync(i => i.Id == incidentId)).CaseId);
        Assert.Equal(casesBefore, await db.Cases.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UserId == vanished.UserId));
    }

    [Fact]
    public async Task ACaseManagedIncidentCanJoinASuggestedOpenCase()
    {
        var area = await app.AddAreaAsync("SCRLINK");
        var officer = await app.AddUserAsync("scr.link@test.local", Roles.Sergeant, area.Id);
        var existing = await app.AddCaseAsync(area.Id, "ASB-2025-000777", "5 Link Road", "LI1 1NK", ScreeningData.At.AddDays(-30));
        var incidentId = await app.AddIncidentAsync(area.Id, "SL-0001", "5 Link Road", "LI1 1NK");
        var scope = ScreeningData.Scope(officer, Roles.Sergeant);

        var context = await Service.GetContextAsync(scope, incidentId);
        var outcome = await Service.ScreenAsync(scope, incidentId,
            new ScreeningInput { HarassmentAlarmDistress = true, Ongoing = true, LinkToCaseId = context!.Suggestions.Single().CaseId });

        Assert.Equal(("ASB-2025-000777", false), (outcome.CaseRef, outcome.CaseOpened));
        await using var db = app.CreateDbContext();
        Assert.Equal(existing.Id, (await db.Incidents.SingleAsync(i => i.Id == incidentId)).CaseId);
    }

    [Fact]
    public async Task AnIncidentJoiningACaseOfAnotherAreaTellsTheLiveCountersThatTheCasesAreaChanged()
    {
        var incidentArea = await app.AddAreaAsync("SCRXINC");
        var caseArea = await app.AddAreaAsync("SCRXCASE");
        // An administrator works force-wide, so may link an incident to a case of any area.
        var admin = await app.AddUserAsync("scr.cross@test.local", Roles.Admin);
        var existing = await app.AddCaseAsync(caseArea.Id, "ASB-2025-000779", "7 Border Road", "BO1 1RD", ScreeningData.At.AddDays(-10));
        var incidentId = await app.AddIncidentAsync(incidentArea.Id, "SXA-0001", "7 Border Road", "BO1 1RD");
        var changes = new List<OpsChange>();
        using var subscription = app.Services.GetRequiredService<OpsNotifier>().Subscribe(c => { lock (changes) { changes.Add(c); } return Task.CompletedTask; });

        var outcome = await Service.ScreenAsync(ScreeningData.Scope(admin, Roles.Admin), incidentId,
            new ScreeningInput { HarassmentAlarmDistress = true, Ongoing = true, LinkToCaseId = existing.Id });

        Assert.Equal(("ASB-2025-000779", false), (outcome.CaseRef, outcome.CaseOpened));
        lock (changes)
        {
            // The incident left its own area's queue; the case (and its counters) is the other area's.
            Assert.Contains(changes, c => c.Kind == OpsChangeKind.IncidentScreened && c.AreaCode == "SCRXINC");
            Assert.Contains(changes, c => c.Kind == OpsChangeKind.CaseChanged && c.AreaCode == "SCRXCASE" && c.CaseRef == "ASB-2025-000779");
        }
    }

    [Fact]
    public async Task LinkingToAClosedCaseIsRefusedAndStoresNothing()
    {
        var area = await app.AddAreaAsync("SCRCLOSED");
        var officer = await app.AddUserAsync("scr.closed@test.local", Roles.Officer, area.Id);
        var closed = await app.AddCaseAsync(area.Id, "ASB-2025-000778", "6 Shut Lane", "SH1 1UT", ScreeningData.At, CaseStatus.Closed);
        var incidentId = await app.AddIncidentAsync(area.Id, "SX-0001", "6 Shut Lane", "SH1 1UT");

        var outcome = await Service.ScreenAsync(ScreeningData.Scope(officer, Roles.Officer), incidentId,
            new ScreeningInput { HarassmentAlarmDistress = true, Risk = true, LinkToCaseId = closed.Id });

        Assert.Equal(ScreeningStatus.CaseUnavailable, outcome.Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Screenings.AnyAsync(s => s.IncidentId == incidentId));
    }

    [Fact]
    public async Task SuggestionsComeFromTheSamePostcodeTheSameAddressOrTheReporterNewestFirstEachWithItsReason()
    {
        var area = await app.AddAreaAsync("SCRSUGG");
        var officer = await app.AddUserAsync("scr.sugg@test.local", Roles.Officer, area.Id);
        var otherArea = await app.AddAreaAsync("SCRSUGGX");
        await app.AddCaseAsync(area.Id, "ASB-2025-000901", "1 Other Street", "SU1 1GG", ScreeningData.At.AddDays(-40));
        await app.AddCaseAsync(area.Id, "ASB-2025-000902", "12 MARKET PLACE", "SU9 9ZZ", ScreeningData.At.AddDays(-20));
        await app.AddCaseAsync(area.Id, "ASB-2025-000903", "40 Far Road", "FA1 1RR", ScreeningData.At.AddDays(-10),
            person: ("Jane", "Smith", PersonRole.Victim));
        await app.AddCaseAsync(area.Id, "ASB-2025-000904", "12 Market Place", "SU1 1GG", ScreeningData.At.AddDays(-5), CaseStatus.Closed);
        await app.AddCaseAsync(area.Id, "ASB-2025-000905", "41 Far Road", "FA1 1RS", ScreeningData.At.AddDays(-3),
            person: ("John", "Smith", PersonRole.Perpetrator));
        await app.AddCaseAsync(otherArea.Id, "ASB-2025-000906", "12 Market Place", "SU1 1GG", ScreeningData.At.AddDays(-1));
        var incidentId = await app.AddIncidentAsync(area.Id, "SS-0001", "12 Market Place", "SU1 1GG", reporter: "Mrs Jane Smith");

        var context = await Service.GetContextAsync(ScreeningData.Scope(officer, Roles.Officer), incidentId);

        Assert.True(context!.MayScreen);
        Assert.Equal(["ASB-2025-000903", "ASB-2025-000902", "ASB-2025-000901"], context.Suggestions.Select(s => s.Reference));
        Assert.Contains(context.Suggestions[0].Reasons, r => r.Contains("Jane Smith, victim"));
        Assert.Equal(["Same address"], context.Suggestions[1].Reasons);
        Assert.Equal(["Same postcode (SU1 1GG)"], context.Suggestions[2].Reasons);
    }

    [Fact]
    public async Task ASecondScreeningOfTheSameIncidentIsRefused()
    {
        var area = await app.AddAreaAsync("SCRTWICE");
        var officer = await app.AddUserAsync("scr.twice@test.local", Roles.Officer, area.Id);
        var incidentId = await app.AddIncidentAsync(area.Id, "ST-0001");
        var scope = ScreeningData.Scope(officer, Roles.Officer);
        await Service.ScreenAsync(scope, incidentId, new ScreeningInput { HarassmentAlarmDistress = false });

        var second = await Service.ScreenAsync(scope, incidentId, new ScreeningInput { HarassmentAlarmDistress = true, Hate = true });

        Assert.Equal(ScreeningStatus.AlreadyScreened, second.Status);
        Assert.Contains("already been screened", second.Message);
        await using var db = app.CreateDbContext();
        Assert.False((await db.Screenings.SingleAsync(s => s.IncidentId == incidentId)).HarassmentAlarmDistress);
        Assert.Null((await db.Incidents.SingleAsync(i => i.Id == incidentId)).CaseId);
    }

    [Fact]
    public async Task TwoSimultaneousScreeningsOfOneIncidentStoreOneAndTellTheOtherClearly()
    {
        var area = await app.AddAreaAsync("SCRRACE");
        var officer = await app.AddUserAsync("scr.race@test.local", Roles.Officer, area.Id);
        var incidentId = await app.AddIncidentAsync(area.Id, "SR-0001");
        var scope = ScreeningData.Scope(officer, Roles.Officer);
        var input = new ScreeningInput { HarassmentAlarmDistress = true, Impact = true };

        var outcomes = await Task.WhenAll(Service.ScreenAsync(scope, incidentId, input), Service.ScreenAsync(scope, incidentId, input));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.Status == ScreeningStatus.AlreadyScreened);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Cases.CountAsync(c => c.AreaId == area.Id));
    }

    [Fact]
    public async Task TwoOfficersOpeningCasesAtOnceGetDifferentReferences()
    {
        var area = await app.AddAreaAsync("SCRPAIR");
        var first = await app.AddUserAsync("scr.pair1@test.local", Roles.Officer, area.Id);
        var second = await app.AddUserAsync("scr.pair2@test.local", Roles.Officer, area.Id);
        var incidents = new[] { await app.AddIncidentAsync(area.Id, "SP-0001"), await app.AddIncidentAsync(area.Id, "SP-0002") };
        var input = new ScreeningInput { HarassmentAlarmDistress = true, Vulnerable = true };

        var outcomes = await Task.WhenAll(
            Service.ScreenAsync(ScreeningData.Scope(first, Roles.Officer), incidents[0], input),
            Service.ScreenAsync(ScreeningData.Scope(second, Roles.Officer), incidents[1], input));

        Assert.All(outcomes, o => Assert.True(o.CaseOpened));
        Assert.NotEqual(outcomes[0].CaseRef, outcomes[1].CaseRef);
        var sequences = outcomes.Select(o => CaseReference.TryParse(o.CaseRef, out var r) ? r.Sequence : 0).Order().ToArray();
        Assert.Equal(sequences[0] + 1, sequences[1]);
    }

    [Fact]
    public async Task TheScreeningAndTheNewCaseAreAuditedUnderTheOfficersName()
    {
        var area = await app.AddAreaAsync("SCRAUDIT");
        var officer = await app.AddUserAsync("scr.audit@test.local", Roles.Officer, area.Id, displayName: "PC Audit");
        var incidentId = await app.AddIncidentAsync(area.Id, "SA-0001");

        var outcome = await Service.ScreenAsync(ScreeningData.Scope(officer, Roles.Officer), incidentId,
            new ScreeningInput { HarassmentAlarmDistress = true, CombinedApproach = true });

        await using var db = app.CreateDbContext();
        var entries = await db.AuditEntries.Where(a => a.UserId == officer.Id).ToListAsync();
        Assert.All(entries, e => Assert.Equal("PC Audit", e.UserName));
        Assert.Contains(entries, e => e.Action == AuditAction.Create && e.EntityType.Contains("Screening"));
        Assert.Contains(entries, e => e.Action == AuditAction.Create && e.EntityType.Contains("Case"));
        Assert.Contains(entries, e => e.Action == AuditAction.Update && e.EntityType.Contains("Incident") && e.EntityId == incidentId.ToString());
        Assert.NotNull(outcome.CaseRef);
    }

    [Fact]
    public async Task AnOfficerOfAnotherAreaCannotScreenTheIncident()
    {
        var home = await app.AddAreaAsync("SCRHOME");
        var away = await app.AddAreaAsync("SCRAWAY");
        var stranger = await app.AddUserAsync("scr.away@test.local", Roles.Officer, away.Id);
        var incidentId = await app.AddIncidentAsync(home.Id, "SH-0001");
        var scope = ScreeningData.Scope(stranger, Roles.Officer);

        var context = await Service.GetContextAsync(scope, incidentId);
        var outcome = await Service.ScreenAsync(scope, incidentId, new ScreeningInput { HarassmentAlarmDistress = true, Risk = true });

        Assert.Null(context);
        Assert.Equal(ScreeningStatus.NotFound, outcome.Status);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Screenings.AnyAsync(s => s.IncidentId == incidentId));
    }

    [Fact]
    public async Task AComplianceOfficerSeesTheIncidentButMayNotScreenIt()
    {
        var area = await app.AddAreaAsync("SCRCOMP");
        var compliance = await app.AddUserAsync("scr.comp@test.local", Roles.Compliance, area.Id);
        var incidentId = await app.AddIncidentAsync(area.Id, "SC-0001");
        var scope = ScreeningData.Scope(compliance, Roles.Compliance);

        var context = await Service.GetContextAsync(scope, incidentId);

        Assert.False(context!.MayScreen);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.ScreenAsync(scope, incidentId, new ScreeningInput()));
    }
}
