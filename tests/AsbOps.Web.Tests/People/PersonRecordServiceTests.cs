using AsbOps.Domain.Audit;
using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Markers;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.People;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Data;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.People;

public sealed class PersonRecordServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private IPersonRecordService Records => PlanWorld.Service<PersonRecordService>(app, PlanWorld.Clock());

    private IPersonViewService Views => app.Services.CreateScope().ServiceProvider.GetRequiredService<IPersonViewService>();

    /// <summary>Two records of the same woman: a victim on the world's case (with a referral, a contact and a marker), and a witness on a second case.</summary>
    private async Task<(PlanWorld World, long Survivor, long Duplicate, long SecondCase)> TwoRecordsAsync(string prefix)
    {
        var world = await PlanWorld.CreateAsync(app, prefix);
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, PlanWorld.Now);
        var second = b.Case(world.AreaId, openedAt: PlanWorld.Now.AddDays(-4));
        await db.SaveChangesAsync();
        var survivor = b.Person(second.Id, PersonRole.Victim, PlanWorld.Now.AddDays(-4), firstName: "Mary", lastName: "Jones");
        var duplicate = b.Person(world.CaseId, PersonRole.Victim, PlanWorld.OpenedAt, firstName: "Mary", lastName: "Jones", address: "4 Mill Lane",
            postcode: "LE11 3CC", dateOfBirth: new DateOnly(1970, 5, 1));
        await db.SaveChangesAsync();
        db.Referrals.Add(new Referral { CaseId = world.CaseId, CaseParticipantId = duplicate.Id, Agency = Agency.Housing, Reason = "Rehousing", SentAt = PlanWorld.Now, CreatedByUserId = "test" });
        db.VictimContacts.Add(new VictimContact
        {
            CaseId = world.CaseId,
            CaseParticipantId = duplicate.Id,
            ContactedAt = PlanWorld.Now.AddDays(-1),
            Method = ContactMethod.Phone,
            ByName = "PC Test",
            Outcome = "Reassured",
            NextContactDue = PlanWorld.Now.AddDays(6),
        });
        db.Markers.Add(new Marker
        {
            CaseId = world.CaseId,
            SubjectType = MarkerSubjectType.Person,
            PersonId = duplicate.PersonId,
            Subject = "Mary Jones",
            RiskLevel = RiskLevel.High,
            PlacedAt = PlanWorld.Now.AddDays(-1),
        });
        await db.SaveChangesAsync();
        return (world, survivor.PersonId, duplicate.PersonId, second.Id);
    }

    private async Task<int> VersionAsync(long personId)
    {
        await using var db = app.CreateDbContext();
        return await db.People.Where(p => p.Id == personId).Select(p => p.Version).SingleAsync();
    }

    [Fact]
    public async Task ASergeantMergesADuplicateAndEverythingMovesToTheSurvivorWhileBothIdsResolveAndTheMergeIsAudited()
    {
        var (world, survivor, duplicate, _) = await TwoRecordsAsync("PMA");

        var result = await Records.MergeAsync(world.Sergeant, survivor, await VersionAsync(survivor), duplicate);

        Assert.True(result.Succeeded, result.Message);
        var merged = await Views.GetAsync(world.Sergeant, survivor);
        Assert.Equal(2, merged!.Cases.Count);
        Assert.Contains(merged.Cases, c => c.CaseRef == world.Reference && c.Role == PersonRole.Victim);
        Assert.Equal([world.Reference], merged.Referrals.Select(r => r.CaseRef));
        Assert.Equal([world.Reference], merged.ContactLog.Select(c => c.CaseRef));
        Assert.Contains(merged.Markers, m => m.CaseRef == world.Reference && m.EndedAt == null);
        Assert.Equal((new DateOnly(1970, 5, 1), "4 Mill Lane"), (merged.DateOfBirth, merged.Address));
        Assert.True(merged.RepeatVictim);

        var byOldId = await Views.GetAsync(world.Sergeant, duplicate);
        Assert.Equal(survivor, byOldId!.Id);
        Assert.Equal(duplicate, byOldId.MergedFromId);
        Assert.Equal(2, byOldId.Cases.Count);

        await using var db = app.CreateDbContext();
        var old = await db.People.SingleAsync(p => p.Id == duplicate);
        Assert.Equal((survivor, "", null), (old.MergedIntoId, old.LastName, old.Address));
        Assert.False(await db.CaseParticipants.AnyAsync(p => p.PersonId == duplicate));
        await PeopleCountsAssert.MatchTheirPeopleAsync(db, [.. await db.CaseParticipants.Where(p => p.PersonId == survivor).Select(p => p.CaseId).ToListAsync()]);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Person) && e.EntityId == duplicate.ToString()
            && e.Action == AuditAction.Update && e.UserId == world.Sergeant.UserId && e.Changes!.Contains("MergedIntoId")));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(CaseParticipant) && e.CaseId == world.CaseId
            && e.Action == AuditAction.Update && e.UserId == world.Sergeant.UserId));
    }

    [Theory]
    [InlineData(Roles.Officer)]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Compliance)]
    public async Task OnlyASergeantMayMerge(string role)
    {
        var (world, survivor, duplicate, _) = await TwoRecordsAsync("PMB");
        var user = world.Sergeant with { Role = role };

        var result = await Records.MergeAsync(user, survivor, await VersionAsync(survivor), duplicate);

        Assert.Equal(CommandOutcome.Refused, result.Outcome);
        await using var db = app.CreateDbContext();
        Assert.Null(await db.People.Where(p => p.Id == duplicate).Select(p => p.MergedIntoId).SingleAsync());
        Assert.True(await db.CaseParticipants.AnyAsync(p => p.PersonId == duplicate));
    }

    [Fact]
    public async Task APersonCannotBeMergedIntoThemselvesNorWithARecordOutsideTheSergeantsArea()
    {
        var (world, survivor, _, _) = await TwoRecordsAsync("PMC");
        var away = await PlanWorld.CreateAsync(app, "PMD");
        long stranger;
        await using (var db = app.CreateDbContext())
        {
            var p = new CaseBuilder(db, PlanWorld.Now).Person(away.CaseId, PersonRole.Witness, PlanWorld.Now, firstName: "Away", lastName: "Person");
            await db.SaveChangesAsync();
            stranger = p.PersonId;
        }

        var self = await Records.MergeAsync(world.Sergeant, survivor, await VersionAsync(survivor), survivor);
        var outside = await Records.MergeAsync(world.Sergeant, survivor, await VersionAsync(survivor), stranger);

        Assert.Equal(CommandOutcome.Invalid, self.Outcome);
        Assert.NotNull(self.ErrorFor(PersonRecordService.DuplicateKey));
        Assert.Equal(CommandOutcome.Invalid, outside.Outcome);
        await using var check = app.CreateDbContext();
        Assert.False(await check.People.AnyAsync(p => p.MergedIntoId != null && (p.Id == survivor || p.Id == stranger)));
    }

    [Fact]
    public async Task AMergeFromAStalePageIsRefusedAsAConflictAndMovesNothing()
    {
        var (world, survivor, duplicate, _) = await TwoRecordsAsync("PME");
        var seen = await VersionAsync(survivor);
        Assert.True((await Records.SetFlagsAsync(world.Officer, survivor, new PersonFlags(true, false, false), seen)).Succeeded);

        var result = await Records.MergeAsync(world.Sergeant, survivor, seen, duplicate);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        await using var db = app.CreateDbContext();
        Assert.True(await db.CaseParticipants.AnyAsync(p => p.PersonId == duplicate));
        Assert.Null(await db.People.Where(p => p.Id == duplicate).Select(p => p.MergedIntoId).SingleAsync());
    }

    [Fact]
    public async Task FlagsSetOnThePersonShowOnTheirViewAndOnTheCasePeopleTable()
    {
        var (world, survivor, duplicate, _) = await TwoRecordsAsync("PMF");

        var set = await Records.SetFlagsAsync(world.Officer, duplicate, new PersonFlags(false, false, true), await VersionAsync(duplicate));
        var partner = await PlanWorld.PartnerAsync(app, Agency.Housing);
        var refused = await Records.SetFlagsAsync(partner, duplicate, new PersonFlags(true, true, true), await VersionAsync(duplicate));

        Assert.True(set.Succeeded, set.Message);
        Assert.Equal(CommandOutcome.Refused, refused.Outcome);
        var view = await Views.GetAsync(world.Officer, duplicate);
        Assert.Equal((false, false, true), (view!.SetFlags.Vulnerable, view.SetFlags.RepeatVictim, view.SetFlags.SafeguardingConcern));
        Assert.True(view.SafeguardingConcern);
        var details = await app.Services.CreateScope().ServiceProvider.GetRequiredService<ICaseDetailsService>().GetAsync(world.Officer, world.Reference);
        var row = Assert.Single(details!.People);
        Assert.Equal((duplicate, true, false), (row.PersonId, row.SafeguardingConcern, row.Vulnerable));
        Assert.NotEqual(survivor, row.PersonId);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Person) && e.EntityId == duplicate.ToString()
            && e.UserId == world.Officer.UserId && e.Changes!.Contains("SafeguardingConcern")));
    }
}
