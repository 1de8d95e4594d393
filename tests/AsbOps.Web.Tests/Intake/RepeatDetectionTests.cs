using AsbOps.Domain.Audit;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Incidents;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Intake.Repeat;
using AsbOps.Web.Features.Intake.Screening;
using AsbOps.Web.Live;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Intake;

public sealed class RepeatDetectionTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static readonly DateTime At = ScreeningData.At;

    private T Get<T>() where T : notnull => app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task TheThirdIncidentAtAnAddressWithinSixMonthsSuggestsRepeatVictimAndListsTheEarlierOnes()
    {
        var (area, officer) = await AreaAndOfficerAsync("REPTHREE");
        await AddAsync(area, "RT-1", At.AddDays(-150), "12 Elm Road", "RT1 1AA");
        await AddAsync(area, "RT-2", At.AddDays(-20), "12, Elm Road.", "RT1 1AA");
        var third = await AddAsync(area, "RT-3", At, "12 ELM ROAD", "RT1 1AA");

        var finding = await Get<RepeatDetector>().FindAsync(officer, third);

        Assert.NotNull(finding);
        Assert.True(finding.SuggestRepeatVictim);
        Assert.Equal(3, finding.AddressCount);
        Assert.Equal(["RT-2", "RT-1"], finding.Incidents.Select(i => i.StormRef));
        Assert.Equal("Repeat: 3 incidents at this address in 6 months — consider answering 'repeat victim: yes'.", finding.Summary);
        Assert.All(finding.Incidents, i => Assert.Contains("Same address", i.Reasons));
    }

    [Fact]
    public async Task TheSecondIncidentAtAnAddressIsListedButDoesNotSuggestRepeatVictim()
    {
        var (area, officer) = await AreaAndOfficerAsync("REPTWO");
        await AddAsync(area, "RW-1", At.AddDays(-20), "4 Oak Lane", "RW1 1AA");
        await AddAsync(area, "RW-X", At.AddDays(-10), "5 Oak Lane", "RW1 1AA");
        var second = await AddAsync(area, "RW-2", At, "4 Oak Lane", "RW1 1AA");

        var finding = await Get<RepeatDetector>().FindAsync(officer, second);

        Assert.NotNull(finding);
        Assert.False(finding.SuggestRepeatVictim);
        Assert.Equal(2, finding.AddressCount);
        Assert.Null(finding.Summary);
        Assert.Equal(["RW-1"], finding.Incidents.Select(i => i.StormRef));
    }

    [Fact]
    public async Task AnIncidentMoreThan183DaysEarlierIsNotCounted()
    {
        var (area, officer) = await AreaAndOfficerAsync("REPOLD");
        await AddAsync(area, "RO-1", At.AddDays(-183).AddMinutes(-1), "7 Ash Close", "RO1 1AA");
        await AddAsync(area, "RO-2", At.AddDays(-30), "7 Ash Close", "RO1 1AA");
        var third = await AddAsync(area, "RO-3", At, "7 Ash Close", "RO1 1AA");

        var finding = await Get<RepeatDetector>().FindAsync(officer, third);

        Assert.NotNull(finding);
        Assert.False(finding.SuggestRepeatVictim);
        Assert.Equal(["RO-2"], finding.Incidents.Select(i => i.StormRef));
    }

    [Fact]
    public async Task AReporterInThreeIncidentsAtDifferentAddressesOrOnACaseSuggestsRepeatVictim()
    {
        var (area, officer) = await AreaAndOfficerAsync("REPPERSON");
        await AddAsync(area, "RP-1", At.AddDays(-40), "1 First Street", "RP1 1AA", reporter: "Mrs Jane Bloggs");
        var asbCase = await app.AddCaseAsync(area, new CaseReference(2026, 880001).ToString(), "9 Case Road", "RP3 3AA",
            At.AddDays(-60), person: ("Jane", "Bloggs", PersonRole.Victim));
        await AddAsync(area, "RP-2", At.AddDays(-50), "9 Case Road", "RP3 3AA", caseId: asbCase.Id);
        var third = await AddAsync(area, "RP-3", At, "2 Second Street", "RP2 2AA", reporter: "Jane Bloggs");

        var finding = await Get<RepeatDetector>().FindAsync(officer, third);

        Assert.NotNull(finding);
        Assert.True(finding.SuggestRepeatVictim);
        Assert.Equal(3, finding.PersonCount);
        Assert.Contains("3 incidents involving Jane Bloggs", finding.Summary);
        Assert.Equal(["RP-1", "RP-2"], finding.Incidents.Select(i => i.StormRef));
    }

    [Fact]
    public async Task TheIncidentPageShowsTheRepeatSuggestionWithTheEarlierIncidents()
    {
        var area = await app.AddAreaAsync("REPPAGE");
        await app.AddUserAsync("rep.page@test.local", Roles.Officer, area.Id);
        await AddAsync(area.Id, "RG-1", At.AddDays(-90), "3 Pine Walk", "RG1 1AA");
        await AddAsync(area.Id, "RG-2", At.AddDays(-9), "3 Pine Walk", "RG1 1AA");
        var third = await AddAsync(area.Id, "RG-3", At, "3 Pine Walk", "RG1 1AA");
        using var client = await app.CreateSignedInClientAsync("rep.page@test.local");

        var page = await Html.GetAsync(client, $"/incidents/{third}");

        Assert.Equal("yes", page.Single("repeat-notice").GetAttribute("data-suggest"));
        Assert.Contains("3 incidents at this address in 6 months", page.Single("repeat-summary").Text());
        Assert.Equal(["RG-2", "RG-1"], page.All("repeat-incident").Select(r => r.GetAttribute("data-storm-ref")));
    }

    [Fact]
    public async Task TheThirdIncidentLinkedToACaseRaisesTheCommunityTriggerAuditedAndPublished()
    {
        var (area, officer) = await AreaAndOfficerAsync("REPTRIG");
        var asbCase = await app.AddCaseAsync(area, new CaseReference(2026, 880002).ToString(), "5 Birch Row", "RC1 1AA", At.AddDays(-100));
        await AddAsync(area, "RC-1", At.AddDays(-100), "5 Birch Row", "RC1 1AA", caseId: asbCase.Id);
        var second = await AddAsync(area, "RC-2", At.AddDays(-50), "5 Birch Row", "RC1 1AA");
        var third = await AddAsync(area, "RC-3", At, "5 Birch Row", "RC1 1AA");
        var changes = new List<OpsChange>();
        using var subscription = app.Services.GetRequiredService<OpsNotifier>().Subscribe(c => { lock (changes) { changes.Add(c); } return Task.CompletedTask; });
        var link = new ScreeningInput { HarassmentAlarmDistress = true, Ongoing = true, LinkToCaseId = asbCase.Id };

        await Get<IncidentScreeningService>().ScreenAsync(officer, second, link);
        var afterSecond = await TriggerAsync(asbCase.Id);
        await Get<IncidentScreeningService>().ScreenAsync(officer, third, link);

        Assert.False(afterSecond);
        Assert.True(await TriggerAsync(asbCase.Id));
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries
            .Where(a => a.Action == AuditAction.Update && a.EntityId == asbCase.Id.ToString() && a.Changes!.Contains("CommunityTrigger"))
            .ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal(officer.UserId, entry.UserId);
        lock (changes)
        {
            Assert.Equal(2, changes.Count(c => c.Kind == OpsChangeKind.CaseChanged && c.CaseRef == asbCase.Reference));
        }
    }

    [Fact]
    public async Task ThreeLinkedIncidentsSpreadOverMoreThanSixMonthsDoNotRaiseTheCommunityTrigger()
    {
        var (area, officer) = await AreaAndOfficerAsync("REPSPREAD");
        var asbCase = await app.AddCaseAsync(area, new CaseReference(2026, 880003).ToString(), "8 Yew Court", "RS1 1AA", At.AddDays(-300));
        await AddAsync(area, "RS-1", At.AddDays(-300), "8 Yew Court", "RS1 1AA", caseId: asbCase.Id);
        await AddAsync(area, "RS-2", At.AddDays(-190), "8 Yew Court", "RS1 1AA", caseId: asbCase.Id);
        var third = await AddAsync(area, "RS-3", At, "8 Yew Court", "RS1 1AA");

        var outcome = await Get<IncidentScreeningService>().ScreenAsync(officer, third,
            new ScreeningInput { HarassmentAlarmDistress = true, Ongoing = true, LinkToCaseId = asbCase.Id });

        Assert.True(outcome.Succeeded);
        Assert.False(await TriggerAsync(asbCase.Id));
    }

    [Fact]
    public async Task AnOpenCaseAtTheSamePostcodeInTheSameAreaIsSuggestedAsADuplicateButNotOneInAnotherArea()
    {
        var home = await app.AddAreaAsync("REPDUPA");
        var away = await app.AddAreaAsync("REPDUPB");
        var admin = await app.AddUserAsync("rep.dup@test.local", Roles.Admin);
        var original = await app.AddCaseAsync(home.Id, new CaseReference(2026, 880010).ToString(), "6 Holly Drive", "RD1 1AA", At.AddDays(-30));
        var sameAddress = await app.AddCaseAsync(home.Id, new CaseReference(2026, 880011).ToString(), "6 HOLLY DRIVE", "RD1 1AA", At.AddDays(-5));
        await app.AddCaseAsync(away.Id, new CaseReference(2026, 880012).ToString(), "6 Holly Drive", "RD1 1AA", At.AddDays(-5));
        await app.AddCaseAsync(home.Id, new CaseReference(2026, 880013).ToString(), "6 Holly Drive", "RD1 1AA", At.AddDays(-5), CaseStatus.Closed);
        await app.AddCaseAsync(home.Id, new CaseReference(2026, 880014).ToString(), "6 Holly Drive", "RD1 1AA", At.AddDays(-250));

        var details = await Get<ICaseDetailsService>().GetAsync(ScreeningData.Scope(admin, Roles.Admin), original.Reference);

        Assert.NotNull(details);
        var duplicate = Assert.Single(details.PossibleDuplicates);
        Assert.Equal(sameAddress.Reference, duplicate.Reference);
        Assert.Equal(["Same address"], duplicate.Reasons);
    }

    [Fact]
    public async Task AnOpenCaseSharingAPersonIsSuggestedAsADuplicate()
    {
        var area = await app.AddAreaAsync("REPDUPP");
        var admin = await app.AddUserAsync("rep.dupp@test.local", Roles.Admin);
        var original = await app.AddCaseAsync(area.Id, new CaseReference(2026, 880020).ToString(), "1 Rowan Way", "RE1 1AA", At.AddDays(-30),
            person: ("Sam", "Perpetrator", PersonRole.Perpetrator));
        var other = await app.AddCaseAsync(area.Id, new CaseReference(2026, 880021).ToString(), "40 Far Away", "RE9 9ZZ", At.AddDays(-2));
        await using (var db = app.CreateDbContext())
        {
            var personId = await db.CaseParticipants.Where(p => p.CaseId == original.Id).Select(p => p.PersonId).SingleAsync();
            new CaseBuilder(db, At).Involve(other.Id, personId, PersonRole.Perpetrator, At);
            await db.SaveChangesAsync();
        }

        var details = await Get<ICaseDetailsService>().GetAsync(ScreeningData.Scope(admin, Roles.Admin), original.Reference);

        Assert.NotNull(details);
        var duplicate = Assert.Single(details.PossibleDuplicates);
        Assert.Equal(other.Reference, duplicate.Reference);
        Assert.Equal(["Sam Perpetrator is on both cases"], duplicate.Reasons);
    }

    [Fact]
    public async Task TheVictimAssessmentShowsTheRepeatHintWhenTheVictimIsInThreeIncidentsAndNotInTwo()
    {
        var (area, officer) = await AreaAndOfficerAsync("REPASSESS");
        var now = Get<TimeProvider>().GetUtcNow().UtcDateTime;
        var repeat = await app.AddCaseAsync(area, new CaseReference(2026, 880030).ToString(), "2 Cedar Place", "RA1 1AA", now.AddDays(-40),
            person: ("Alex", "Victimson", PersonRole.Victim));
        var once = await app.AddCaseAsync(area, new CaseReference(2026, 880031).ToString(), "3 Cedar Place", "RA1 1AB", now.AddDays(-40),
            person: ("Robin", "Onceonly", PersonRole.Victim));
        await AddAsync(area, "RA-1", now.AddDays(-40), "2 Cedar Place", "RA1 1AA", caseId: repeat.Id);
        await AddAsync(area, "RA-2", now.AddDays(-10), "2 Cedar Place", "RA1 1AA", caseId: repeat.Id);
        await AddAsync(area, "RA-3", now.AddDays(-1), "20 Other Road", "RA2 2AA", reporter: "Alex Victimson");
        await AddAsync(area, "RA-4", now.AddDays(-40), "3 Cedar Place", "RA1 1AB", caseId: once.Id);
        await AddAsync(area, "RA-5", now.AddDays(-2), "3 Cedar Place", "RA1 1AB", caseId: once.Id);
        long ParticipantOf(AsbCase c) => c.Participants.Single().Id;

        var forms = Get<IAssessmentService>();
        var repeatForm = await forms.LoadFormAsync(officer, repeat.Reference, ParticipantOf(repeat));
        var onceForm = await forms.LoadFormAsync(officer, once.Reference, ParticipantOf(once));

        Assert.NotNull(repeatForm?.RepeatVictimHint);
        Assert.True(repeatForm.RepeatVictimHint.SuggestRepeatVictim);
        Assert.Equal(["RA-3", "RA-2", "RA-1"], repeatForm.RepeatVictimHint.Incidents.Select(i => i.StormRef));
        Assert.Contains("3 incidents involving Alex Victimson", repeatForm.RepeatVictimHint.Summary);
        Assert.NotNull(onceForm?.RepeatVictimHint);
        Assert.False(onceForm.RepeatVictimHint.SuggestRepeatVictim);
        Assert.Null(onceForm.RepeatVictimHint.Summary);
    }

    private async Task<(int Area, UserScope Officer)> AreaAndOfficerAsync(string code)
    {
        var area = await app.AddAreaAsync(code);
        var officer = await app.AddUserAsync($"{code.ToLowerInvariant()}@test.local", Roles.Officer, area.Id, displayName: $"PC {code}");
        return (area.Id, ScreeningData.Scope(officer, Roles.Officer));
    }

    private async Task<long> AddAsync(int areaId, string stormRef, DateTime receivedAt, string address, string postcode, string? reporter = null, long? caseId = null)
    {
        await using var db = app.CreateDbContext();
        var incident = new CaseBuilder(db, receivedAt).Incident(areaId, stormRef, receivedAt: receivedAt, address: address, postcode: postcode,
            description: $"Shouting and banging at {address} late at night", with: i =>
            {
                i.ReporterName = reporter;
                i.CaseId = caseId;
            });
        await db.SaveChangesAsync();
        return incident.Id;
    }

    private async Task<bool> TriggerAsync(long caseId)
    {
        await using var db = app.CreateDbContext();
        return await db.Cases.Where(c => c.Id == caseId).Select(c => c.CommunityTrigger).SingleAsync();
    }
}
