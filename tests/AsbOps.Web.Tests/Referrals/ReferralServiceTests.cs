using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Features.ActionPlans;
using AsbOps.Web.Features.Referrals;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AsbOps.Web.Features.Referrals.ReferralValidation;

namespace AsbOps.Web.Tests.Referrals;

public sealed class ReferralServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = PlanWorld.Clock();

    private ReferralService Referrals => PlanWorld.Service<ReferralService>(app, _clock);

    private static ReferralInput To(Agency agency) => new()
    {
        Agency = agency,
        Reason = "Tenancy breaches by the perpetrator",
        SentOn = DateOnly.FromDateTime(PlanWorld.Now).AddDays(-2),
    };

    private async Task<(PlanWorld World, long ReferralId)> WorldWithReferralAsync(string prefix, Agency agency)
    {
        var world = await PlanWorld.CreateAsync(app, prefix);
        var recorded = await Referrals.RecordAsync(world.Officer, world.CaseId, To(agency));
        Assert.True(recorded.Succeeded, recorded.Message);
        return (world, recorded.Id!.Value);
    }

    private async Task<Referral> StoredAsync(long referralId)
    {
        await using var db = app.CreateDbContext();
        return await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId);
    }

    [Fact]
    public async Task RecordingAReferralSharesTheCaseWithTheAgencyOnce()
    {
        var (world, _) = await WorldWithReferralAsync("REFA", Agency.Housing);

        var second = await Referrals.RecordAsync(world.Sergeant, world.CaseId, To(Agency.Housing));

        Assert.True(second.Succeeded);
        await using var db = app.CreateDbContext();
        var shares = await db.CaseShares.Where(s => s.CaseId == world.CaseId).ToListAsync();
        var share = Assert.Single(shares);
        Assert.Equal((Agency.Housing, world.Officer.UserId, PlanWorld.Now), (share.Agency, share.SharedByUserId, share.SharedAt));
        Assert.Equal(2, await db.Referrals.CountAsync(r => r.CaseId == world.CaseId));
        var partner = await PlanWorld.PartnerAsync(app, Agency.Housing);
        Assert.NotNull(await Referrals.GetAsync(partner, world.Reference));
    }

    [Fact]
    public async Task APartnerRecordsTheOutcomeOfAReferralToTheirAgency()
    {
        var (world, referralId) = await WorldWithReferralAsync("REFB", Agency.Housing);
        var partner = await PlanWorld.PartnerAsync(app, Agency.Housing);
        var row = Assert.Single((await Referrals.GetAsync(partner, world.Reference))!.Referrals);

        var result = await Referrals.RecordOutcomeAsync(partner, referralId,
            new ReferralOutcomeInput { Status = ReferralStatus.Accepted, OutcomeNote = "Tenancy officer assigned", Version = row.Version });

        Assert.True(row.CanUpdate);
        Assert.True(result.Succeeded, result.Message);
        var stored = await StoredAsync(referralId);
        Assert.Equal((ReferralStatus.Accepted, "Tenancy officer assigned", PlanWorld.Now), (stored.Status, stored.OutcomeNote, stored.RespondedAt));
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Referral) && e.EntityId == referralId.ToString() && e.UserId == partner.UserId));
    }

    [Fact]
    public async Task APartnerIsRefusedTheOutcomeOfAReferralToAnotherAgency()
    {
        var (world, housingReferral) = await WorldWithReferralAsync("REFC", Agency.Housing);
        var youthReferral = (await Referrals.RecordAsync(world.Officer, world.CaseId, To(Agency.YouthJustice))).Id!.Value;
        var partner = await PlanWorld.PartnerAsync(app, Agency.Housing);

        var result = await Referrals.RecordOutcomeAsync(partner, youthReferral,
            new ReferralOutcomeInput { Status = ReferralStatus.Declined, OutcomeNote = "Not ours", Version = 0 });

        Assert.Equal(CommandOutcome.Refused, result.Outcome);
        Assert.Contains("your own agency", result.Message);
        Assert.Equal(ReferralStatus.Sent, (await StoredAsync(youthReferral)).Status);
        Assert.False((await Referrals.GetAsync(partner, world.Reference))!.Referrals.Single(r => r.Id == youthReferral).CanUpdate);
        Assert.True((await Referrals.GetAsync(partner, world.Reference))!.Referrals.Single(r => r.Id == housingReferral).CanUpdate);
    }

    [Fact]
    public async Task APartnerIsRefusedOnACaseNotSharedWithTheirAgency()
    {
        var (world, referralId) = await WorldWithReferralAsync("REFD", Agency.YouthJustice);
        var partner = await PlanWorld.PartnerAsync(app, Agency.Housing);

        var result = await Referrals.RecordOutcomeAsync(partner, referralId,
            new ReferralOutcomeInput { Status = ReferralStatus.Accepted, Version = 0 });

        Assert.Equal(CommandOutcome.NotFound, result.Outcome);
        Assert.Null(await Referrals.GetAsync(partner, world.Reference));
        Assert.Equal(ReferralStatus.Sent, (await StoredAsync(referralId)).Status);
    }

    [Fact]
    public async Task APartnerCannotRecordAReferral()
    {
        var (world, _) = await WorldWithReferralAsync("REFE", Agency.Housing);
        var partner = await PlanWorld.PartnerAsync(app, Agency.Housing);

        var result = await Referrals.RecordAsync(partner, world.CaseId, To(Agency.Housing));

        Assert.Equal(CommandOutcome.NotFound, result.Outcome);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Referrals.CountAsync(r => r.CaseId == world.CaseId));
    }

    [Fact]
    public async Task AnInvalidReferralIsRefusedWithFieldErrorsAndNeitherItNorAShareIsStored()
    {
        var world = await PlanWorld.CreateAsync(app, "REFF");
        var bad = new ReferralInput { Agency = (Agency)99, Reason = "", SentOn = DateOnly.FromDateTime(PlanWorld.Now).AddDays(1), CaseParticipantId = -1 };

        var result = await Referrals.RecordAsync(world.Officer, world.CaseId, bad);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal([Fields.Agency, Fields.Person, Fields.Reason, Fields.SentOn], result.Errors.Keys.Order());
        await using var db = app.CreateDbContext();
        Assert.False(await db.Referrals.AnyAsync(r => r.CaseId == world.CaseId));
        Assert.False(await db.CaseShares.AnyAsync(s => s.CaseId == world.CaseId));
    }

    [Fact]
    public async Task AClosedReferralCannotChangeAndDecliningNeedsAnOutcomeNote()
    {
        var (world, referralId) = await WorldWithReferralAsync("REFG", Agency.Housing);

        var noNote = await Referrals.RecordOutcomeAsync(world.Officer, referralId, new ReferralOutcomeInput { Status = ReferralStatus.Declined, Version = 0 });
        var closed = await Referrals.RecordOutcomeAsync(world.Officer, referralId,
            new ReferralOutcomeInput { Status = ReferralStatus.Closed, OutcomeNote = "Withdrawn", Version = 0 });
        var reopened = await Referrals.RecordOutcomeAsync(world.Officer, referralId,
            new ReferralOutcomeInput { Status = ReferralStatus.Accepted, Version = (await StoredAsync(referralId)).Version });

        Assert.NotNull(noNote.ErrorFor(Fields.OutcomeNote));
        Assert.True(closed.Succeeded);
        Assert.NotNull(reopened.ErrorFor(Fields.Status));
        var stored = await StoredAsync(referralId);
        Assert.Equal((ReferralStatus.Closed, PlanWorld.Now), (stored.Status, stored.ClosedAt));
    }

    [Fact]
    public async Task AStaleOutcomeGetsAConflict()
    {
        var (world, referralId) = await WorldWithReferralAsync("REFH", Agency.Housing);
        await Referrals.RecordOutcomeAsync(world.Officer, referralId, new ReferralOutcomeInput { Status = ReferralStatus.Accepted, Version = 0 });

        var stale = await Referrals.RecordOutcomeAsync(world.Sergeant, referralId,
            new ReferralOutcomeInput { Status = ReferralStatus.Accepted, OutcomeNote = "Also accepted", Version = 0 });

        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.Null((await StoredAsync(referralId)).OutcomeNote);
    }
}
