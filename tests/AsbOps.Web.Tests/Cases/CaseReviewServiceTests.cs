using AsbOps.Domain.Audit;
using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Features.ActionPlans;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Live;
using AsbOps.Web.Tests.Data;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Cases;

public sealed class CaseReviewServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = PlanWorld.Clock();

    private CaseReviewService Reviews => PlanWorld.Service<CaseReviewService>(app, _clock);

    private async Task<AsbCase> StoredAsync(PlanWorld world)
    {
        await using var db = app.CreateDbContext();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == world.CaseId);
    }

    [Fact]
    public async Task AReviewOfALowRiskCaseSetsTheNextReviewFiftySixDaysOn()
    {
        var world = await PlanWorld.CreateAsync(app, "REVA");

        var result = await Reviews.ReviewAsync(world.Sergeant, world.CaseId,
            new ReviewInput { Note = "Spoke to the victim", Status = CaseStatus.UnderReview, Version = await world.CaseVersionAsync(app) });

        Assert.True(result.Succeeded, result.Message);
        var stored = await StoredAsync(world);
        Assert.Equal((PlanWorld.Now, PlanWorld.Now.AddDays(56), CaseStatus.UnderReview), (stored.LastReviewedAt, stored.NextReviewDue, stored.Status));
        await using var db = app.CreateDbContext();
        var review = await db.CaseReviews.SingleAsync(r => r.CaseId == world.CaseId);
        Assert.Equal(("Spoke to the victim", world.Sergeant.UserId), (review.Note, review.ReviewedByUserId));
    }

    [Fact]
    public async Task AReviewOfAHighRiskCaseSetsTheNextReviewFourteenDaysOnAndCanReturnItToOpen()
    {
        var world = await PlanWorld.CreateAsync(app, "REVB");
        await world.MakeHighRiskAsync(app);

        var result = await Reviews.ReviewAsync(world.Sergeant, world.CaseId,
            new ReviewInput { Status = CaseStatus.Open, Version = await world.CaseVersionAsync(app) });

        Assert.True(result.Succeeded, result.Message);
        var stored = await StoredAsync(world);
        Assert.Equal((PlanWorld.Now, PlanWorld.Now.AddDays(14), CaseStatus.Open), (stored.LastReviewedAt, stored.NextReviewDue, stored.Status));
    }

    [Fact]
    public async Task AnOfficerCannotReviewOrCloseAndASergeantOfAnotherAreaIsRefused()
    {
        var world = await PlanWorld.CreateAsync(app, "REVC");
        var other = await PlanWorld.CreateAsync(app, "REVCX");
        var version = await world.CaseVersionAsync(app);

        var byOfficer = await Reviews.ReviewAsync(world.Officer, world.CaseId, new ReviewInput { Version = version });
        var closeByOfficer = await Reviews.CloseAsync(world.Officer, world.CaseId, new CloseInput { Reason = ClosureReason.Resolved, Version = version });
        var byOutsider = await Reviews.ReviewAsync(other.Sergeant, world.CaseId, new ReviewInput { Version = version });

        Assert.Equal([CommandOutcome.NotFound, CommandOutcome.NotFound, CommandOutcome.NotFound], [byOfficer.Outcome, closeByOfficer.Outcome, byOutsider.Outcome]);
        var stored = await StoredAsync(world);
        Assert.Equal((CaseStatus.Open, (DateTime?)null), (stored.Status, stored.LastReviewedAt));
    }

    [Fact]
    public async Task AStaleReviewGetsAConflictAndChangesNothing()
    {
        var world = await PlanWorld.CreateAsync(app, "REVD");
        var version = await world.CaseVersionAsync(app);
        await Reviews.ReviewAsync(world.Sergeant, world.CaseId, new ReviewInput { Status = CaseStatus.UnderReview, Version = version });
        _clock.Advance(TimeSpan.FromHours(1));

        var stale = await Reviews.ReviewAsync(world.Admin, world.CaseId, new ReviewInput { Note = "Late", Status = CaseStatus.Open, Version = version });

        Assert.Equal(CommandOutcome.Conflict, stale.Outcome);
        Assert.Equal((CaseStatus.UnderReview, PlanWorld.Now), ((await StoredAsync(world)).Status, (await StoredAsync(world)).LastReviewedAt));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.CaseReviews.CountAsync(r => r.CaseId == world.CaseId));
    }

    [Fact]
    public async Task ClosingAHighRiskCaseEndsItsMarkersIsAuditedAndPublishedOnce()
    {
        var world = await PlanWorld.CreateAsync(app, "REVE");
        await world.MakeHighRiskAsync(app);
        var published = new List<OpsChange>();
        using var subscription = app.Services.GetRequiredService<OpsNotifier>().Subscribe(c =>
        {
            lock (published)
            {
                published.Add(c);
            }

            return Task.CompletedTask;
        });

        var result = await Reviews.CloseAsync(world.Sergeant, world.CaseId,
            new CloseInput { Reason = ClosureReason.Resolved, Version = await world.CaseVersionAsync(app) });

        Assert.True(result.Succeeded, result.Message);
        var stored = await StoredAsync(world);
        Assert.Equal((CaseStatus.Closed, ClosureReason.Resolved, PlanWorld.Now), (stored.Status, stored.ClosureReason, stored.ClosedAt));
        await using var db = app.CreateDbContext();
        var markers = await db.Markers.Where(m => m.CaseId == world.CaseId).ToListAsync();
        Assert.NotEmpty(markers);
        Assert.All(markers, m => Assert.Equal((PlanWorld.Now, "Case closed"), (m.EndedAt, m.EndReason)));
        await PeopleCountsAssert.MatchTheirPeopleAsync(db, world.CaseId);
        var audit = await db.AuditEntries.Where(e => e.CaseId == world.CaseId && e.Action == AuditAction.Update && e.UserId == world.Sergeant.UserId).ToListAsync();
        Assert.Contains(audit, e => e.EntityType == nameof(AsbCase) && e.Changes!.Contains("Closed"));
        Assert.Contains(audit, e => e.EntityType == "Marker" && e.Changes!.Contains("Case closed"));
        lock (published)
        {
            Assert.Single(published, c => c.Kind == OpsChangeKind.CaseChanged && c.CaseRef == world.Reference && c.AreaCode == world.AreaCode);
        }
    }

    [Fact]
    public async Task ClosingTwiceIsRefusedWithAClearMessage()
    {
        var world = await PlanWorld.CreateAsync(app, "REVF");
        await Reviews.CloseAsync(world.Sergeant, world.CaseId, new CloseInput { Reason = ClosureReason.Resolved, Version = await world.CaseVersionAsync(app) });

        var again = await Reviews.CloseAsync(world.Admin, world.CaseId,
            new CloseInput { Reason = ClosureReason.NoFurtherAction, Version = await world.CaseVersionAsync(app) });

        Assert.Equal(CommandOutcome.Refused, again.Outcome);
        Assert.Contains($"Case {world.Reference} is already closed", again.Message);
        Assert.Equal(ClosureReason.Resolved, (await StoredAsync(world)).ClosureReason);
    }

    [Fact]
    public async Task ClosingWithoutAReasonIsRefusedNextToTheField()
    {
        var world = await PlanWorld.CreateAsync(app, "REVG");

        var result = await Reviews.CloseAsync(world.Sergeant, world.CaseId, new CloseInput { Version = await world.CaseVersionAsync(app) });

        Assert.NotNull(result.ErrorFor(CaseReviewService.Fields.Reason));
        Assert.Equal(CaseStatus.Open, (await StoredAsync(world)).Status);
    }
}
