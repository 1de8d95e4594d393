using AsbOps.Domain.Audit;
using AsbOps.Domain.Cases;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Cases;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using AsbOps.Web.Tests.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Cases;

/// <summary>A sergeant or inspector of the area (or an admin) gives a case to another officer: audited, both told, findings follow.</summary>
public sealed class LeadOfficerReassignmentTests
{
    private sealed record World(ClockedAppFactory App, long CaseId, int AreaId, string Lead, string Other, string Foreign, UserScope Sergeant) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();

        public async Task<CommandResult> ReassignAsync(UserScope user, string to, int? version = null)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<ILeadOfficerService>();
            await using var db = App.CreateDbContext();
            var current = await db.Cases.Where(c => c.Id == CaseId).Select(c => c.Version).SingleAsync();
            return await service.ReassignAsync(user, CaseId, new ReassignInput { LeadOfficerId = to, Version = version ?? current });
        }

        public async Task<string?> LeadAsync()
        {
            await using var db = App.CreateDbContext();
            return await db.Cases.Where(c => c.Id == CaseId).Select(c => c.LeadOfficerId).SingleAsync();
        }

        public async Task<List<string>> LeadEmailsAsync()
        {
            await using var db = App.CreateDbContext();
            return await db.Outbox.Where(m => m.DedupKey.StartsWith("lead-officer:")).OrderBy(m => m.To).Select(m => m.To).ToListAsync();
        }
    }

    private static async Task<World> CreateAsync(int? smtpPort = null)
    {
        var clock = new FakeTimeProvider(ChaseWorld.Start);
        var app = smtpPort is { } port ? ChaseWorld.App(clock, port) : new ClockedAppFactory(clock);
        await ChaseWorld.SeedAsync(app);
        var other = await app.AddAreaAsync("OTHR");
        var foreign = await app.AddUserAsync("foreign.pc@test.local", Roles.Officer, other.Id, displayName: "PC Foreign");
        await using var db = app.CreateDbContext();
        var c = await db.Cases.SingleAsync(c => c.Reference == ChaseWorld.CaseRef);
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, u => u.Id);
        var sergeant = new UserScope(users[ChaseWorld.SergeantEmail], "Sgt Chase", Roles.Sergeant, c.AreaId, null);
        return new World(app, c.Id, c.AreaId, users[ChaseWorld.LeadEmail], users[ChaseWorld.OtherLeadEmail], foreign.Id, sergeant);
    }

    [Fact]
    public async Task TheSergeantGivesTheCaseToAnotherOfficerAuditedBothToldAndItsFindingsFollow()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        await using var w = await CreateAsync(smtp.Port);
        w.App.Clock.Advance(TimeSpan.FromDays(2));
        await w.App.Get<ComplianceSweepService>().SweepAsync();

        var result = await w.ReassignAsync(w.Sergeant, w.Other);

        Assert.True(result.Succeeded, result.Message);
        Assert.Equal(w.Other, await w.LeadAsync());
        await using (var db = w.App.CreateDbContext())
        {
            var lives = await db.FindingLives.Where(l => l.CaseId == w.CaseId && l.PutRightAt == null).ToListAsync();
            Assert.NotEmpty(lives);
            Assert.All(lives, l => Assert.Equal(w.Other, l.OwnerUserId));
            var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(AsbCase) && a.CaseId == w.CaseId && a.Action == AuditAction.Update && a.Changes!.Contains("LeadOfficerId"))
                .SingleAsync();
            Assert.Equal("Sgt Chase", audit.UserName);
            Assert.Contains(w.Lead, audit.Changes);
            Assert.Contains(w.Other, audit.Changes);
        }

        Assert.Equal([ChaseWorld.LeadEmail, ChaseWorld.OtherLeadEmail], await w.LeadEmailsAsync());
        await w.App.Get<OutboxDispatcher>().DispatchAsync();
        var received = ChaseWorld.Received(smtp).OrderBy(r => r.To).ToList();
        Assert.Equal([ChaseWorld.LeadEmail, ChaseWorld.OtherLeadEmail], received.Select(r => r.To));
        Assert.Contains("moved to PC Other", received[0].Subject);
        Assert.Contains("now yours", received[1].Subject);
    }

    [Theory]
    [InlineData(Roles.Officer, true, false)]
    [InlineData(Roles.Compliance, false, false)]
    [InlineData(Roles.Analyst, false, false)]
    [InlineData(Roles.Sergeant, false, false)]
    [InlineData(Roles.Sergeant, true, true)]
    [InlineData(Roles.Inspector, true, true)]
    [InlineData(Roles.Admin, false, true)]
    public async Task OnlyTheAreasSergeantOrInspectorOrAnAdminMayReassign(string role, bool ofTheArea, bool allowed)
    {
        await using var w = await CreateAsync();
        var otherArea = (await w.App.AddAreaAsync("OTHR")).Id;
        int? area = Roles.IsForceWide(role) ? null : ofTheArea ? w.AreaId : otherArea;
        var user = new UserScope("someone", "Someone", role, area, null);

        var result = await w.ReassignAsync(user, w.Other);

        Assert.Equal(allowed ? CommandOutcome.Saved : CommandOutcome.NotFound, result.Outcome);
        Assert.Equal(allowed ? w.Other : w.Lead, await w.LeadAsync());
        Assert.Equal(allowed ? 2 : 0, (await w.LeadEmailsAsync()).Count);
    }

    [Fact]
    public async Task AChangeMadeMeanwhileIsAConflictAndNothingIsSavedOrSent()
    {
        await using var w = await CreateAsync();
        await using (var db = w.App.CreateDbContext())
        {
            await db.Cases.Where(c => c.Id == w.CaseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1));
        }

        var result = await w.ReassignAsync(w.Sergeant, w.Other, version: 0);

        Assert.Equal(CommandOutcome.Conflict, result.Outcome);
        Assert.Equal(w.Lead, await w.LeadAsync());
        Assert.Empty(await w.LeadEmailsAsync());
    }

    [Fact]
    public async Task AnOfficerOfAnotherAreaOrNoOneIsRefusedBesideTheField()
    {
        await using var w = await CreateAsync();

        var foreign = await w.ReassignAsync(w.Sergeant, w.Foreign);
        var none = await w.ReassignAsync(w.Sergeant, "");

        Assert.Equal("Choose an officer of the case's area.", foreign.ErrorFor(LeadOfficerService.Fields.LeadOfficer));
        Assert.Equal("Choose the officer who leads the case from now on.", none.ErrorFor(LeadOfficerService.Fields.LeadOfficer));
        Assert.Equal(w.Lead, await w.LeadAsync());
        Assert.Empty(await w.LeadEmailsAsync());
    }

    [Fact]
    public async Task TheDialogOffersTheAreasOfficersOnly()
    {
        await using var w = await CreateAsync();
        await using var scope = w.App.Services.CreateAsyncScope();

        var state = await scope.ServiceProvider.GetRequiredService<ILeadOfficerService>().GetAsync(w.Sergeant, ChaseWorld.CaseRef);

        Assert.NotNull(state);
        Assert.Equal(["PC Lead", "PC Other"], state.Officers.Select(o => o.Name));
        Assert.Equal("PC Lead", state.LeadOfficerName);
        Assert.Null(await scope.ServiceProvider.GetRequiredService<ILeadOfficerService>()
            .GetAsync(w.Sergeant with { Role = Roles.Officer }, ChaseWorld.CaseRef));
    }
}
