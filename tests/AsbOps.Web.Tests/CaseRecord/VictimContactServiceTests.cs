using AsbOps.Domain.CaseRecord;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Data;
using AsbOps.Web.Features.CaseRecord.Contacts;
using AsbOps.Web.Features.Dashboard;
using AsbOps.Web.Live;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AsbOps.Web.Features.CaseRecord.Contacts.VictimContactValidation;

namespace AsbOps.Web.Tests.CaseRecord;

public sealed class VictimContactServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static readonly DateTime Today = PlanWorld.Now.Date;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = PlanWorld.Clock();

    private VictimContactService Contacts => PlanWorld.Service<VictimContactService>(app, _clock);

    /// <summary>A high victim added 8 days ago (overdue: weekly), a medium one added 8 days ago (due in 6), a low one added 30 days ago (overdue: monthly).</summary>
    private async Task<(PlanWorld World, long High, long Medium, long Low)> WorldWithVictimsAsync(string prefix)
    {
        var world = await PlanWorld.CreateAsync(app, prefix);
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, PlanWorld.Now);
        var high = b.Person(world.CaseId, PersonRole.Victim, PlanWorld.Now.AddDays(-8), RiskLevel.High, "Hana", "High");
        var medium = b.Person(world.CaseId, PersonRole.Victim, PlanWorld.Now.AddDays(-8), RiskLevel.Medium, "Mo", "Medium");
        var low = b.Person(world.CaseId, PersonRole.Victim, PlanWorld.Now.AddDays(-30), RiskLevel.Low, "Lou", "Low");
        b.Person(world.CaseId, PersonRole.Perpetrator, PlanWorld.Now.AddDays(-30), RiskLevel.High, "Pat", "Perp");
        await db.SaveChangesAsync();
        return (world, high.Id, medium.Id, low.Id);
    }

    private Task<int> OverdueCounterAsync(int areaId) => OverdueCounterAsync(app, areaId, PlanWorld.Now);

    internal static async Task<int> OverdueCounterAsync(AsbOpsAppFactory app, int areaId, DateTime now)
    {
        var tally = await app.Services.GetRequiredService<OpenCaseTally>().CountAsync(areaId, now);
        return tally.ToCounters().OverdueContacts;
    }

    private static VictimContactInput Contact(long participant, DateTime on, DateTime next, ContactMethod method = ContactMethod.Visit) => new()
    {
        ParticipantId = participant,
        ContactedOn = on,
        Method = method,
        Outcome = "Victim reassured; no new incidents.",
        NextContactDueOn = next,
    };

    [Fact]
    public Task TheOverdueCounterCountsVictimsOfOpenCasesOnly() => OverdueCounterCountsOpenCasesOnlyAsync(app, "VCG");

    /// <summary>Shared with the PostgreSQL tests: the counter's query (a CASE over the victim's level) on each provider.</summary>
    internal static async Task OverdueCounterCountsOpenCasesOnlyAsync(AsbOpsAppFactory app, string prefix)
    {
        var world = await PlanWorld.CreateAsync(app, prefix);
        await using var db = app.CreateDbContext();
        var b = new CaseBuilder(db, PlanWorld.Now);
        b.Person(world.CaseId, PersonRole.Victim, PlanWorld.Now.AddDays(-8), RiskLevel.High, "Hana", "High");
        b.Person(world.CaseId, PersonRole.Victim, PlanWorld.Now.AddDays(-8), RiskLevel.Medium, "Mo", "Medium");
        b.Person(world.CaseId, PersonRole.Victim, PlanWorld.Now.AddDays(-29), RiskLevel.NotAssessed, "Nat", "New");
        await db.SaveChangesAsync();

        var open = await OverdueCounterAsync(app, world.AreaId, PlanWorld.Now);
        await db.Cases.Where(c => c.Id == world.CaseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Closed));
        var closed = await OverdueCounterAsync(app, world.AreaId, PlanWorld.Now);

        Assert.Equal((2, 0), (open, closed));
    }

    [Fact]
    public async Task EachVictimGetsTheDefaultFrequencyOfTheirRiskAndIsOverdueOneIntervalAfterBeingAdded()
    {
        var (world, high, medium, low) = await WorldWithVictimsAsync("VCA");

        var model = await Contacts.ReadAsync(world.Officer, world.CaseId);

        Assert.Equal(
            [(high, 7, true), (medium, 14, false), (low, 28, true)],
            model!.Victims.Select(v => (v.ParticipantId, v.FrequencyDays, v.Overdue)).ToList());
        Assert.Equal(2, model.OverdueCount);
        Assert.Equal(2, await OverdueCounterAsync(world.AreaId));
        Assert.Equal([high, low], (await Contacts.OverdueAsync(world.Officer, world.CaseId)).Select(o => o.ParticipantId));
    }

    [Fact]
    public async Task LoggingAContactSetsTheNextDueDateClearsTheOverduePublishesAndIsAudited()
    {
        var (world, high, _, _) = await WorldWithVictimsAsync("VCB");
        var notifier = app.Services.GetRequiredService<OpsNotifier>();
        var before = notifier.Version;

        var result = await Contacts.LogAsync(world.Officer, world.CaseId, Contact(high, Today, Today.AddDays(7), ContactMethod.Phone));

        Assert.True(result.Succeeded, result.Message);
        Assert.True(notifier.Version > before);
        var row = (await Contacts.ReadAsync(world.Officer, world.CaseId))!.Victims.Single(v => v.ParticipantId == high);
        Assert.False(row.Overdue);
        Assert.Equal(Today.AddDays(7).AddHours(12), row.NextContactDue);
        var contact = Assert.Single(row.Contacts);
        Assert.Equal((PlanWorld.Now, ContactMethod.Phone, $"PC {world.AreaCode}"), (contact.ContactedAt, contact.Method, contact.ByName));
        Assert.Equal(1, await OverdueCounterAsync(world.AreaId));
        Assert.Equal(3, await OverdueCounterAsync(app, world.AreaId, Today.AddDays(7).AddHours(13)));
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(VictimContact) && e.UserId == world.Officer.UserId && e.CaseId == world.CaseId));
    }

    [Fact]
    public async Task AContactLoggedLateDoesNotMoveTheDueDateBack()
    {
        var (world, high, _, _) = await WorldWithVictimsAsync("VCC");
        await Contacts.LogAsync(world.Officer, world.CaseId, Contact(high, Today, Today.AddDays(7)));

        var late = await Contacts.LogAsync(world.Officer, world.CaseId, Contact(high, Today.AddDays(-3), Today.AddDays(4)));

        Assert.True(late.Succeeded);
        var row = (await Contacts.ReadAsync(world.Officer, world.CaseId))!.Victims.Single(v => v.ParticipantId == high);
        Assert.Equal(Today.AddDays(7).AddHours(12), row.NextContactDue);
        Assert.Equal([PlanWorld.Now, Today.AddDays(-3).AddHours(12)], row.Contacts.Select(c => c.ContactedAt));
    }

    [Fact]
    public async Task ABadContactIsRefusedBesideEachFieldAndNothingIsStored()
    {
        var (world, high, _, _) = await WorldWithVictimsAsync("VCD");
        var bad = new VictimContactInput
        {
            ParticipantId = high,
            ContactedOn = Today.AddDays(1),
            Method = (ContactMethod)42,
            Outcome = " ",
            NextContactDueOn = Today,
        };

        var result = await Contacts.LogAsync(world.Officer, world.CaseId, bad);
        var tooFar = await Contacts.LogAsync(world.Officer, world.CaseId, Contact(high, Today, Today.AddDays(91)));

        Assert.Equal([Fields.ContactedOn, Fields.Method, Fields.NextContactDueOn, Fields.Outcome], result.Errors.Keys.Order());
        Assert.Equal("Cannot be in the future.", result.ErrorFor(Fields.ContactedOn));
        Assert.Equal("At most 90 days after this contact.", tooFar.ErrorFor(Fields.NextContactDueOn));
        await using var db = app.CreateDbContext();
        Assert.False(await db.VictimContacts.AnyAsync(c => c.CaseId == world.CaseId));
        Assert.False(await db.VictimContactPlans.AnyAsync(p => p.CaseId == world.CaseId));
    }

    [Fact]
    public async Task AnAgreedFrequencyMovesTheDueDateAndAStaleChangeIsAConflict()
    {
        var (world, _, medium, _) = await WorldWithVictimsAsync("VCE");

        var agreed = await Contacts.SetFrequencyAsync(world.Officer, world.CaseId, new ContactFrequencyInput { ParticipantId = medium, FrequencyDays = 3, Version = 0 });
        var stale = await Contacts.SetFrequencyAsync(world.Sergeant, world.CaseId, new ContactFrequencyInput { ParticipantId = medium, FrequencyDays = 21, Version = 0 });
        var outOfRange = await Contacts.SetFrequencyAsync(world.Officer, world.CaseId, new ContactFrequencyInput { ParticipantId = medium, FrequencyDays = 0, Version = 1 });

        Assert.True(agreed.Succeeded, agreed.Message);
        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.NotNull(outOfRange.ErrorFor(Fields.FrequencyDays));
        var row = (await Contacts.ReadAsync(world.Officer, world.CaseId))!.Victims.Single(v => v.ParticipantId == medium);
        Assert.Equal((3, true, PlanWorld.Now.AddDays(-5), true), (row.FrequencyDays, row.FrequencyAgreed, row.NextContactDue, row.Overdue));
        Assert.Equal(3, await OverdueCounterAsync(world.AreaId));

        var back = await Contacts.SetFrequencyAsync(world.Officer, world.CaseId, new ContactFrequencyInput { ParticipantId = medium, FrequencyDays = null, Version = row.PlanVersion });
        Assert.True(back.Succeeded, back.Message);
        Assert.Equal(2, await OverdueCounterAsync(world.AreaId));
    }

    [Fact]
    public async Task PartnersNeitherSeeNorLogContacts()
    {
        var (world, high, _, _) = await WorldWithVictimsAsync("VCF");
        await using (var db = app.CreateDbContext())
        {
            db.CaseShares.Add(new CaseShare { CaseId = world.CaseId, Agency = Agency.VictimServices, SharedAt = PlanWorld.Now });
            await db.SaveChangesAsync();
        }

        var partner = await PlanWorld.PartnerAsync(app, Agency.VictimServices);

        Assert.Null(await Contacts.ReadAsync(partner, world.CaseId));
        Assert.Empty(await Contacts.OverdueAsync(partner, world.CaseId));
        Assert.Equal(CommandOutcome.NotFound, (await Contacts.LogAsync(partner, world.CaseId, Contact(high, Today, Today.AddDays(7)))).Outcome);
    }
}
