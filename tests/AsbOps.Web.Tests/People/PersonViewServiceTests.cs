using AsbOps.Domain.Audit;
using AsbOps.Domain.Cases;
using AsbOps.Domain.Referrals;
using AsbOps.Domain.Risk;
using AsbOps.Web.Features.People;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.People;

public sealed class PersonViewServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private IPersonViewService People => app.Services.CreateScope().ServiceProvider.GetRequiredService<IPersonViewService>();

    [Fact]
    public async Task APersonShowsEveryVisibleCaseWithRoleRiskMarkersAndFlagsAndTheViewIsAudited()
    {
        var home = await PlanWorld.CreateAsync(app, "PVA");
        var away = await PlanWorld.CreateAsync(app, "PVB");
        var victimId = await home.MakeHighRiskAsync(app);
        long personId;
        await using (var db = app.CreateDbContext())
        {
            personId = await db.CaseParticipants.Where(p => p.Id == victimId).Select(p => p.PersonId).SingleAsync();
            var second = new CaseBuilder(db, PlanWorld.Now).Case(home.AreaId, openedAt: PlanWorld.Now.AddDays(-3));
            await db.SaveChangesAsync();
            new CaseBuilder(db, PlanWorld.Now).Involve(second.Id, personId, PersonRole.Victim, PlanWorld.Now.AddDays(-3));
            new CaseBuilder(db, PlanWorld.Now).Involve(away.CaseId, personId, PersonRole.Witness, PlanWorld.Now.AddDays(-2));
            db.Referrals.Add(new Referral
            {
                CaseId = home.CaseId,
                CaseParticipantId = victimId,
                Agency = Agency.AdultSocialCare,
                IsSafeguarding = true,
                Reason = "Safeguarding concern",
                SentAt = PlanWorld.Now.AddDays(-1),
                CreatedByUserId = home.Officer.UserId,
            });
            await db.SaveChangesAsync();
        }

        var seen = await People.GetAsync(home.Officer, personId);

        Assert.Equal("Ada Victim", seen!.Name);
        Assert.Equal(2, seen.Cases.Count);
        Assert.All(seen.Cases, c => Assert.Equal(PersonRole.Victim, c.Role));
        Assert.Contains(seen.Cases, c => c.CaseRef == home.Reference && c.PersonRisk == RiskLevel.High);
        Assert.DoesNotContain(seen.Cases, c => c.CaseRef == away.Reference);
        Assert.Contains(seen.Markers, m => m.CaseRef == home.Reference && m.EndedAt == null);
        Assert.Equal((true, true), (seen.RepeatVictim, seen.SafeguardingConcern));
        Assert.Equal([(home.Reference, Agency.AdultSocialCare)], seen.Referrals.Select(r => (r.CaseRef, r.Agency)));
        Assert.Equal(3, (await People.GetAsync(home.Admin, personId))!.Cases.Count);
        await using var check = app.CreateDbContext();
        Assert.True(await check.AuditEntries.AnyAsync(e => e.EntityType == PersonViewService.AuditEntityType && e.EntityId == personId.ToString()
            && e.Action == AuditAction.View && e.UserId == home.Officer.UserId));
    }

    [Fact]
    public async Task APersonOnNoVisibleCaseReadsAsUnknown()
    {
        var away = await PlanWorld.CreateAsync(app, "PVC");
        var home = await PlanWorld.CreateAsync(app, "PVD");
        await using var db = app.CreateDbContext();
        var victim = new CaseBuilder(db, PlanWorld.Now).Person(away.CaseId, PersonRole.Victim, PlanWorld.Now, firstName: "Hidden", lastName: "Person");
        await db.SaveChangesAsync();
        var personId = await db.CaseParticipants.Where(p => p.Id == victim.Id).Select(p => p.PersonId).SingleAsync();

        Assert.Null(await People.GetAsync(home.Officer, personId));
        Assert.Null(await People.GetAsync(home.Officer, -5));
        Assert.NotNull(await People.GetAsync(away.Officer, personId));
    }
}
