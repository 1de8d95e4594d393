using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Assessments;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Referrals;
using AsbOps.Web.Tests.Assessments;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AsbOps.Web.Tests.Assessments.AssessmentFixture;

namespace AsbOps.Web.Tests.Referrals;

/// <summary>A safeguarding referral made in an assessment shares the case with the receiving agency, as every referral does.</summary>
public sealed class SafeguardingReferralSharingTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private static AssessmentCommand WithSafeguarding(AssessmentWorld w, Agency agency) =>
        Victim(w, VictimAnswers(new AnswerCommand("safeguarding", "yes", "Child in the home is frightened"))) with
        {
            Safeguarding = new SafeguardingForm(agency, "Child frightened at night", true, "Called duty social worker"),
        };

    [Fact]
    public async Task TheReceivingAgencysPartnerSeesTheCaseAndRecordsTheOutcome()
    {
        var w = await ArrangeAsync(app, "SGSHARE");
        var partner = await PlanWorld.PartnerAsync(app, Agency.ChildrensSocialCare);
        var otherPartner = await PlanWorld.PartnerAsync(app, Agency.Housing);
        var referrals = app.Services.CreateScope().ServiceProvider.GetRequiredService<IReferralService>();
        var details = app.Services.CreateScope().ServiceProvider.GetRequiredService<ICaseDetailsService>();

        var saved = await SaveAsync(app, WithSafeguarding(w, Agency.ChildrensSocialCare), w.Officer);

        Assert.Equal(CommandOutcome.Saved, saved.Outcome);
        await using (var db = app.CreateDbContext())
        {
            var share = await db.CaseShares.SingleAsync(s => s.CaseId == w.CaseId);
            Assert.Equal((Agency.ChildrensSocialCare, w.Officer.UserId), (share.Agency, share.SharedByUserId));
        }

        Assert.NotNull(await details.GetAsync(partner, w.CaseRef));
        Assert.Null(await details.GetAsync(otherPartner, w.CaseRef));
        var page = await referrals.GetAsync(partner, w.CaseRef);
        var row = Assert.Single(page!.Referrals);
        Assert.True(row.IsSafeguarding && row.CanUpdate);
        var outcome = await referrals.RecordOutcomeAsync(partner, row.Id,
            new ReferralOutcomeInput { Status = ReferralStatus.Accepted, OutcomeNote = "Social worker allocated", Version = row.Version });
        Assert.True(outcome.Succeeded, outcome.Message);
        await using var check = app.CreateDbContext();
        Assert.Equal(ReferralStatus.Accepted, (await check.Referrals.SingleAsync(r => r.Id == row.Id)).Status);
    }

    [Fact]
    public async Task SavingTheAssessmentAgainDoesNotShareTwice()
    {
        var w = await ArrangeAsync(app, "SGTWICE");
        var draft = await SaveAsync(app, WithSafeguarding(w, Agency.ChildrensSocialCare) with { Complete = false }, w.Officer);

        var again = await SaveAsync(app, WithSafeguarding(w, Agency.ChildrensSocialCare) with
        {
            AssessmentId = draft.AssessmentId,
            ExpectedVersion = draft.Version,
        }, w.Officer);

        Assert.Equal(CommandOutcome.Saved, again.Outcome);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.CaseShares.CountAsync(s => s.CaseId == w.CaseId));
    }
}
