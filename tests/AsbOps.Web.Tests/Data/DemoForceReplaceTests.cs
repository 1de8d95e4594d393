using AsbOps.Domain.Alerts;
using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Data;

/// <summary>Outside Development: no demo login; ReplaceAsync empties the force and loads it again.</summary>
public sealed class DemoForceReplaceTests
{
    [Fact]
    public async Task OutsideDevelopmentNoDemoLoginExistsAndReplaceLeavesNoDuplicatesOrLeftovers()
    {
        using var app = new DemoForceAppFactory("Testing", new DemoOptions().Seed, DemoForceAppFactory.Today);
        var first = await app.GenerateAsync();
        var before = await CountsAsync(app);
        var charnwood = await app.AddAreaAsync(DemoLogins.AreaCode);
        var kept = await app.AddUserAsync("kept@force.local", Roles.Officer, charnwood.Id);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith(DemoLogins.Domain)));
            var sergeant = await db.Users.SingleAsync(u => u.Id == charnwood.SergeantUserId);
            Assert.EndsWith(DemoLogins.StaffDomain, sergeant.Email);
            db.Alerts.Add(new Alert { UserId = kept.Id, Kind = "Test", Message = "left over", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var second = await app.ReplaceAsync();

        var after = await CountsAsync(app);
        Assert.Equal(first, second);
        Assert.Equal(before with { Users = before.Users + 1 }, after);
        await using var check = app.CreateDbContext();
        Assert.False(await check.Alerts.AnyAsync(a => a.Kind == "Test"));
        Assert.Equal(charnwood.Id, (await check.Users.SingleAsync(u => u.Id == kept.Id)).AreaId);
        Assert.Equal(after.Cases, await check.Cases.Select(c => c.Reference).Distinct().CountAsync());
    }

    private static async Task<Counts> CountsAsync(DemoForceAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return new Counts(
            await db.Areas.CountAsync(), await db.Users.CountAsync(), await db.Cases.CountAsync(), await db.Incidents.CountAsync(),
            await db.People.CountAsync(), await db.Assessments.CountAsync(), await db.Reminders.CountAsync(),
            await db.Outbox.CountAsync(), await db.ComplianceSnapshots.CountAsync(), await db.Alerts.CountAsync());
    }

    private sealed record Counts(int Areas, int Users, int Cases, int Incidents, int People, int Assessments, int Reminders, int Outbox, int Snapshots, int Alerts);
}
