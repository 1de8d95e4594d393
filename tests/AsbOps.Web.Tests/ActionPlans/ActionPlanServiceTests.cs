using AsbOps.Domain.ActionPlans;
using AsbOps.Domain.Audit;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Features.ActionPlans;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static AsbOps.Web.Features.ActionPlans.ActionPlanValidation;

namespace AsbOps.Web.Tests.ActionPlans;

public sealed class ActionPlanServiceTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = PlanWorld.Clock();

    private ActionPlanService Plans => PlanWorld.Service<ActionPlanService>(app, _clock);

    private static ActionInput Visit(DateOnly due, string owner = "PCSO Green") => new()
    {
        Type = ActionType.Visit,
        Description = "Visit the victim and agree a contact plan",
        OwnerName = owner,
        DueDate = due,
    };

    private async Task<(PlanWorld World, long ActionId)> WorldWithActionAsync(string prefix, DateOnly due)
    {
        var world = await PlanWorld.CreateAsync(app, prefix);
        Assert.True((await Plans.SavePlanAsync(world.Officer, world.CaseId, new PlanInput { Objective = "Stop the abuse" })).Succeeded);
        var added = await Plans.AddActionAsync(world.Officer, world.CaseId, Visit(due));
        Assert.True(added.Succeeded, added.Message);
        return (world, added.Id!.Value);
    }

    private async Task<ActionRow> ReadActionAsync(PlanWorld world, UserScope? reader = null) =>
        Assert.Single((await Plans.GetAsync(reader ?? world.Officer, world.Reference))!.Plan!.Actions);

    [Fact]
    public async Task AnOfficerCreatesThePlanAndAddsAnActionAndTheAuditNamesThem()
    {
        var (world, actionId) = await WorldWithActionAsync("PLANA", new DateOnly(2026, 11, 30));

        var model = await Plans.GetAsync(world.Officer, world.Reference);

        Assert.Equal("Stop the abuse", model!.Plan!.Objective);
        var action = Assert.Single(model.Plan.Actions);
        Assert.Equal((ActionType.Visit, "PCSO Green", ActionStatus.Planned), (action.Type, action.OwnerName, action.Status));
        await using var db = app.CreateDbContext();
        var entries = await db.AuditEntries.Where(e => e.CaseId == world.CaseId && e.Action == AuditAction.Create).ToListAsync();
        Assert.Contains(entries, e => e.EntityType == nameof(ActionPlan) && e.UserId == world.Officer.UserId && e.UserName == world.Officer.UserName);
        Assert.Contains(entries, e => e.EntityType == nameof(ActionItem) && e.EntityId == actionId.ToString() && e.UserId == world.Officer.UserId);
    }

    [Fact]
    public async Task AnOwnerPickedFromTheAreaIsStoredWithTheirNameAndAnOutsiderIsRefused()
    {
        var world = await PlanWorld.CreateAsync(app, "PLANB");
        await Plans.SavePlanAsync(world.Officer, world.CaseId, new PlanInput { Objective = "Stop the abuse" });
        var other = await PlanWorld.CreateAsync(app, "PLANBX");

        var picked = await Plans.AddActionAsync(world.Officer, world.CaseId, Own(Visit(new DateOnly(2026, 12, 1)), world.Sergeant.UserId));
        var outsider = await Plans.AddActionAsync(world.Officer, world.CaseId, Own(Visit(new DateOnly(2026, 12, 1)), other.Officer.UserId));

        Assert.True(picked.Succeeded);
        Assert.Equal($"Sgt {world.AreaCode}", (await ReadActionAsync(world)).OwnerName);
        Assert.Equal(CommandOutcome.Invalid, outsider.Outcome);
        Assert.NotNull(outsider.ErrorFor(Fields.Owner));
    }

    private static ActionInput Own(ActionInput input, string userId)
    {
        input.OwnerUserId = userId;
        input.OwnerName = null;
        return input;
    }

    [Fact]
    public async Task CompletingAnActionStampsWhenItWasDone()
    {
        var (world, actionId) = await WorldWithActionAsync("PLANC", new DateOnly(2026, 11, 30));
        var read = await ReadActionAsync(world);
        var edit = ActionInput.From(read);
        edit.Status = ActionStatus.Done;

        var result = await Plans.UpdateActionAsync(world.Officer, actionId, edit);

        Assert.True(result.Succeeded);
        var done = await ReadActionAsync(world);
        Assert.Equal(ActionStatus.Done, done.Status);
        Assert.Equal(PlanWorld.Now, done.CompletedAt);
    }

    [Fact]
    public async Task AnOpenActionPastItsDueDateIsOverdueAndADoneOneIsNot()
    {
        var (world, actionId) = await WorldWithActionAsync("PLAND", DateOnly.FromDateTime(PlanWorld.Now).AddDays(-1));

        var overdue = await ReadActionAsync(world);
        var edit = ActionInput.From(overdue);
        edit.Status = ActionStatus.Done;
        await Plans.UpdateActionAsync(world.Officer, actionId, edit);

        Assert.True(overdue.IsOverdue);
        Assert.False((await ReadActionAsync(world)).IsOverdue);
    }

    [Fact]
    public async Task TwoUsersEditingOneActionTheSecondGetsAConflictAndTheFirstChangeStays()
    {
        var (world, actionId) = await WorldWithActionAsync("PLANE", new DateOnly(2026, 11, 30));
        var first = ActionInput.From(await ReadActionAsync(world));
        var second = ActionInput.From(await ReadActionAsync(world, world.Sergeant));
        first.Description = "Visit with the housing officer";
        second.Description = "Phone the victim instead";

        var firstResult = await Plans.UpdateActionAsync(world.Officer, actionId, first);
        var secondResult = await Plans.UpdateActionAsync(world.Sergeant, actionId, second);

        Assert.True(firstResult.Succeeded);
        Assert.Equal(CommandOutcome.Conflict, secondResult.Outcome);
        Assert.Equal(CommandResult.ConflictMessage, secondResult.Message);
        Assert.Equal("Visit with the housing officer", (await ReadActionAsync(world)).Description);
    }

    [Fact]
    public async Task InvalidActionIsRefusedWithAnErrorPerFieldAndNothingIsStored()
    {
        var world = await PlanWorld.CreateAsync(app, "PLANF");
        await Plans.SavePlanAsync(world.Officer, world.CaseId, new PlanInput { Objective = "Stop the abuse" });
        var bad = new ActionInput
        {
            Type = null,
            Description = new string('x', 2001),
            OwnerName = " ",
            DueDate = DateOnly.FromDateTime(PlanWorld.OpenedAt).AddDays(-1),
        };

        var result = await Plans.AddActionAsync(world.Officer, world.CaseId, bad);

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Equal([Fields.Description, Fields.DueDate, Fields.Owner, Fields.Type], result.Errors.Keys.Order());
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.ActionItems.CountAsync(a => db.ActionPlans.Any(p => p.Id == a.ActionPlanId && p.CaseId == world.CaseId)));
    }

    [Fact]
    public async Task APlanWithoutAnObjectiveIsRefusedAndNotCreated()
    {
        var world = await PlanWorld.CreateAsync(app, "PLANG");

        var result = await Plans.SavePlanAsync(world.Officer, world.CaseId, new PlanInput { Objective = "  " });

        Assert.NotNull(result.ErrorFor(Fields.Objective));
        await using var db = app.CreateDbContext();
        Assert.False(await db.ActionPlans.AnyAsync(p => p.CaseId == world.CaseId));
    }

    [Fact]
    public async Task AnOfficerOfAnotherAreaAndAPartnerAreRefusedAndNothingIsStored()
    {
        var world = await PlanWorld.CreateAsync(app, "PLANH");
        var other = await PlanWorld.CreateAsync(app, "PLANHX");
        var partner = await PlanWorld.PartnerAsync(app, Agency.Housing);

        var outsider = await Plans.SavePlanAsync(other.Officer, world.CaseId, new PlanInput { Objective = "Not mine" });
        var byPartner = await Plans.SavePlanAsync(partner, world.CaseId, new PlanInput { Objective = "Not mine" });

        Assert.Equal(CommandOutcome.NotFound, outsider.Outcome);
        Assert.Equal(CommandOutcome.NotFound, byPartner.Outcome);
        Assert.Null(await Plans.GetAsync(other.Officer, world.Reference));
        await using var db = app.CreateDbContext();
        Assert.False(await db.ActionPlans.AnyAsync(p => p.CaseId == world.CaseId));
    }

    [Fact]
    public async Task AHighRiskCaseWithoutAPlanIsDueOneWithinTheConfiguredHoursOfBecomingHigh()
    {
        var world = await PlanWorld.CreateAsync(app, "PLANI");
        await world.MakeHighRiskAsync(app);

        var before = await Plans.GetAsync(world.Officer, world.Reference);
        await Plans.SavePlanAsync(world.Officer, world.CaseId, new PlanInput { Objective = "Protect the victim" });
        var after = await Plans.GetAsync(world.Officer, world.Reference);

        Assert.Equal(PlanWorld.Now.AddDays(-1).AddHours(72), before!.PlanDueBy);
        Assert.Null(after!.PlanDueBy);
    }
}
