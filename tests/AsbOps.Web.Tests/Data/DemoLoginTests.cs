using System.Net;
using AsbOps.Web.Data.Seeding;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AsbOps.Web.Tests.Data;

/// <summary>The demo logins exist in Development, one per role in CHARNWOOD, and sign in with the demo password.</summary>
[Collection(DemoForceCollection.Name)]
public sealed class DemoLoginTests(SeededDemoForce force)
{
    public static TheoryData<string, string> Logins => new()
    {
        { DemoLogins.Officer, Roles.Officer },
        { DemoLogins.Sergeant, Roles.Sergeant },
        { DemoLogins.Inspector, Roles.Inspector },
        { DemoLogins.Compliance, Roles.Compliance },
        { DemoLogins.Analyst, Roles.Analyst },
        { DemoLogins.Partner, Roles.Partner },
        { DemoLogins.Admin, Roles.Admin },
    };

    [Theory]
    [MemberData(nameof(Logins))]
    public async Task EachDemoLoginSignsInWithTheDemoPassword(string email, string role)
    {
        using var client = force.App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await LoginForm.PostAsync(client, email, new DemoOptions().Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = force.App.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([role], roles);
        Assert.Equal(role, user.PrimaryRole);
    }

    [Fact]
    public async Task CharnwoodsSergeantAndInspectorAreTheDemoLogins()
    {
        await using var db = force.App.CreateDbContext();
        var charnwood = await db.Areas.SingleAsync(a => a.Code == DemoLogins.AreaCode);
        var sergeant = await db.Users.SingleAsync(u => u.Id == charnwood.SergeantUserId);
        var inspector = await db.Users.SingleAsync(u => u.Id == charnwood.InspectorUserId);
        var demoOfficerCases = await db.Cases.CountAsync(c => c.LeadOfficerId == db.Users.Single(u => u.Email == DemoLogins.Officer).Id);

        Assert.Equal(DemoLogins.Sergeant, sergeant.Email);
        Assert.Equal(DemoLogins.Inspector, inspector.Email);
        Assert.True(demoOfficerCases > 0);
    }

    [Fact]
    public async Task GeneratedStaffCannotSignIn()
    {
        await using var db = force.App.CreateDbContext();
        var staff = await db.Users.Where(u => u.Email!.EndsWith(DemoLogins.StaffDomain)).ToListAsync();
        var officers = staff.Count(u => u.PrimaryRole == Roles.Officer);

        Assert.InRange(officers, 55, 70);
        Assert.All(staff, u => Assert.Null(u.PasswordHash));
        using var client = force.App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await LoginForm.PostAsync(client, staff[0].Email!, new DemoOptions().Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
