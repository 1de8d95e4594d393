using System.Net;
using System.Text.RegularExpressions;
using AsbOps.Domain.Audit;
using AsbOps.Domain.Referrals;
using AsbOps.Web.Data;
using AsbOps.Web.Email;
using AsbOps.Web.Features.Account;
using AsbOps.Web.Features.Admin.Users;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Admin;

/// <summary>User administration against the real app: invitation by email, edits, disable, MFA, self-protection, concurrency.</summary>
public sealed partial class UserAdministrationTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    private UserAdministration Users => AdminWorld.Service<UserAdministration>(app);

    private static UserInput Officer(string email, int areaId, string name = "Pat Officer") =>
        new() { Email = email, DisplayName = name, Role = Roles.Officer, AreaId = areaId, CollarNumber = "1234" };

    [Fact]
    public async Task AnInvitationArrivesBySmtpWithASingleUseLinkThatLetsTheUserSetAPasswordAndSignIn()
    {
        await using var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        await using var own = new ClockedAppFactory(new FakeTimeProvider(DateTimeOffset.UtcNow), settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:From"] = "asbops@force.test",
            ["App:BaseUrl"] = "https://asbops.force.test",
        });
        var area = await own.AddAreaAsync("INVITEA");
        var admin = await AdminWorld.AdminAsync(own, "invite.admin@test.local");

        var result = await AdminWorld.Service<UserAdministration>(own).InviteAsync(admin, Officer("new.officer@test.local", area.Id));
        await own.Get<OutboxDispatcher>().DispatchAsync();

        Assert.True(result.Succeeded, result.Message);
        var message = Assert.Single(smtp.Received);
        Assert.Equal("new.officer@test.local", Assert.Single(message.To.Mailboxes).Address);
        var link = LinkPattern().Match(message.TextBody!);
        Assert.True(link.Success, message.TextBody);
        Assert.StartsWith("https://asbops.force.test/Account/SetPassword?", link.Value);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(link.Value).Query);
        var invited = await AdminWorld.UserAsync(own, "new.officer@test.local");
        Assert.Null(invited.PasswordHash);
        Assert.Equal((Roles.Officer, area.Id), (invited.PrimaryRole, invited.AreaId));

        var setting = AdminWorld.Service<PasswordSetting>(own);
        var set = await setting.SetAsync(query["email"], query["token"], "a-long-new-password-1");
        var again = await setting.SetAsync(query["email"], query["token"], "another-long-password-2");
        using var client = await own.CreateSignedInClientAsync("new.officer@test.local", "a-long-new-password-1");

        Assert.Equal(SetPasswordOutcome.Set, set.Outcome);
        Assert.Equal(SetPasswordOutcome.LinkNotValid, again.Outcome);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/incidents")).StatusCode);
        await using var db = own.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == invited.Id && e.UserId == admin.UserId && e.Action == AuditAction.Create));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == invited.Id && e.Changes!.Contains("Invitation")));
    }

    [Fact]
    public async Task AnInvitationForAnEmailInUseIsRefusedBesideTheEmailAndCreatesNothing()
    {
        var area = await app.AddAreaAsync("DUPEA");
        var admin = await AdminWorld.AdminAsync(app, "dupe.admin@test.local");
        await app.AddUserAsync("taken@test.local", Roles.Officer, area.Id);

        var result = await Users.InviteAsync(admin, Officer("taken@test.local", area.Id, "Someone Else"));
        var bad = await Users.InviteAsync(admin, Officer("not an email", area.Id));

        Assert.Equal(CommandOutcome.Invalid, result.Outcome);
        Assert.Contains("already exists", result.ErrorFor(nameof(UserInput.Email)));
        Assert.NotNull(bad.ErrorFor(nameof(UserInput.Email)));
        Assert.Equal("taken", (await AdminWorld.UserAsync(app, "taken@test.local")).DisplayName);
    }

    [Fact]
    public async Task AreaRolesNeedAnOpenAreaAndPartnersNeedAnAgency()
    {
        var area = await app.AddAreaAsync("RULESA");
        var retired = await app.AddAreaAsync("RULESR");
        await using (var db = app.CreateDbContext())
        {
            (await db.Areas.SingleAsync(a => a.Id == retired.Id)).RetiredAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
        }

        var admin = await AdminWorld.AdminAsync(app, "rules.admin@test.local");

        var noArea = await Users.InviteAsync(admin, Officer("rules.one@test.local", area.Id));
        var officerWithout = await Users.InviteAsync(admin, new UserInput { Email = "rules.two@test.local", DisplayName = "Two", Role = Roles.Sergeant });
        var officerRetired = await Users.InviteAsync(admin, Officer("rules.three@test.local", retired.Id));
        var partnerWithout = await Users.InviteAsync(admin, new UserInput { Email = "rules.four@test.local", DisplayName = "Four", Role = Roles.Partner });
        var partner = await Users.InviteAsync(admin, new UserInput
        {
            Email = "rules.five@test.local",
            DisplayName = "Five",
            Role = Roles.Partner,
            Agency = Agency.Housing,
            AreaId = area.Id,
        });

        Assert.True(noArea.Succeeded);
        Assert.Contains("need an area", officerWithout.ErrorFor(nameof(UserInput.AreaId)));
        Assert.Contains("retired", officerRetired.ErrorFor(nameof(UserInput.AreaId)));
        Assert.Contains("need an agency", partnerWithout.ErrorFor(nameof(UserInput.Agency)));
        Assert.True(partner.Succeeded);
        var five = await AdminWorld.UserAsync(app, "rules.five@test.local");
        Assert.Equal((Agency.Housing, (int?)null), (five.Agency!.Value, five.AreaId));
        Assert.Null(await AdminWorld.UserAsync(app, "rules.two@test.local"));
    }

    [Fact]
    public async Task AnEditChangesRoleAndAreaAndTheAuditNamesTheAdministratorWithBeforeAndAfter()
    {
        var first = await app.AddAreaAsync("EDITA");
        var second = await app.AddAreaAsync("EDITB");
        var admin = await AdminWorld.AdminAsync(app, "edit.admin@test.local");
        var user = await app.AddUserAsync("edit.user@test.local", Roles.Officer, first.Id, displayName: "Edit User");
        var detail = (await Users.GetAsync(user.Id))!;
        var input = detail.ToInput();
        input.Role = Roles.Sergeant;
        input.AreaId = second.Id;
        input.DisplayName = "Sgt Edit User";

        var result = await Users.UpdateAsync(admin, input);

        Assert.True(result.Succeeded, result.Message);
        var saved = await AdminWorld.UserAsync(app, "edit.user@test.local");
        Assert.Equal((Roles.Sergeant, second.Id, "Sgt Edit User"), (saved.PrimaryRole, saved.AreaId!.Value, saved.DisplayName));
        Assert.Equal([Roles.Sergeant], await AdminWorld.WithUsersAsync(app, u => u.GetRolesAsync(saved)));
        Assert.NotEqual(user.SecurityStamp, saved.SecurityStamp);
        await using var db = app.CreateDbContext();
        var entry = await db.AuditEntries.Where(e => e.EntityType == "AppUser" && e.EntityId == user.Id && e.Action == AuditAction.Update)
            .OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal(admin.UserId, entry.UserId);
        Assert.Contains("\"PrimaryRole\":{\"from\":\"officer\",\"to\":\"sergeant\"}", entry.Changes);
        Assert.Contains("\"DisplayName\":{\"from\":\"Edit User\",\"to\":\"Sgt Edit User\"}", entry.Changes);
    }

    [Fact]
    public async Task TheSecondOfTwoAdministratorsEditingOneUserIsToldAndNothingIsOverwritten()
    {
        var area = await app.AddAreaAsync("RACEA");
        var one = await AdminWorld.AdminAsync(app, "race.one@test.local");
        var two = await AdminWorld.AdminAsync(app, "race.two@test.local");
        var user = await app.AddUserAsync("race.user@test.local", Roles.Officer, area.Id, displayName: "Race User");
        var readByOne = (await Users.GetAsync(user.Id))!.ToInput();
        var readByTwo = (await Users.GetAsync(user.Id))!.ToInput();
        readByOne.DisplayName = "Chosen by one";
        readByTwo.DisplayName = "Chosen by two";

        var first = await Users.UpdateAsync(one, readByOne);
        var second = await Users.UpdateAsync(two, readByTwo);
        var disableOnOldRead = await Users.DisableAsync(two, user.Id, readByTwo.ConcurrencyStamp);

        Assert.True(first.Succeeded);
        Assert.Equal(CommandOutcome.Conflict, second.Outcome);
        Assert.Equal(CommandResult.ConflictMessage, second.Message);
        Assert.Equal(CommandOutcome.Conflict, disableOnOldRead.Outcome);
        var saved = await AdminWorld.UserAsync(app, "race.user@test.local");
        Assert.Equal("Chosen by one", saved.DisplayName);
        Assert.Null(saved.LockoutEnd);
    }

    [Fact]
    public async Task AnAdministratorCannotDisableOrDemoteThemselves()
    {
        var admin = await AdminWorld.AdminAsync(app, "self.admin@test.local");
        var detail = (await Users.GetAsync(admin.UserId))!;
        var demote = detail.ToInput();
        demote.Role = Roles.Analyst;

        var disabled = await Users.DisableAsync(admin, admin.UserId, detail.ConcurrencyStamp);
        var demoted = await Users.UpdateAsync(admin, demote);

        Assert.Equal(CommandOutcome.Refused, disabled.Outcome);
        Assert.Equal(UserAdministration.SelfDisableMessage, disabled.Message);
        Assert.Equal(UserAdministration.SelfDemoteMessage, demoted.ErrorFor(nameof(UserInput.Role)));
        var saved = await AdminWorld.UserAsync(app, "self.admin@test.local");
        Assert.Equal((Roles.Admin, (DateTimeOffset?)null), (saved.PrimaryRole, saved.LockoutEnd));
    }

    [Fact]
    public async Task ResettingMfaTurnsTwoFactorOffAndRemovesTheKeyAndRecoveryCodes()
    {
        var admin = await AdminWorld.AdminAsync(app, "mfa.admin@test.local");
        var user = await app.AddUserAsync("mfa.user@test.local", Roles.Compliance);
        var oldKey = await AdminWorld.WithUsersAsync(app, async users =>
        {
            var u = (await users.FindByIdAsync(user.Id))!;
            await users.ResetAuthenticatorKeyAsync(u);
            await users.SetTwoFactorEnabledAsync(u, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(u, 10);
            return await users.GetAuthenticatorKeyAsync(u);
        });

        var result = await Users.ResetMfaAsync(admin, user.Id, (await Users.GetAsync(user.Id))!.ConcurrencyStamp);

        Assert.True(result.Succeeded, result.Message);
        var (enabled, key, codes) = await AdminWorld.WithUsersAsync(app, async users =>
        {
            var u = (await users.FindByIdAsync(user.Id))!;
            return (u.TwoFactorEnabled, await users.GetAuthenticatorKeyAsync(u), await users.CountRecoveryCodesAsync(u));
        });
        Assert.False(enabled);
        Assert.NotEqual(oldKey, key);
        Assert.Equal(0, codes);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == user.Id && e.UserId == admin.UserId && e.Changes!.Contains("MfaReset")));
    }

    [Fact]
    public async Task RequiringANewPasswordStopsTheOldOneAndEmailsASetPasswordLink()
    {
        var area = await app.AddAreaAsync("PWDA");
        var admin = await AdminWorld.AdminAsync(app, "pwd.admin@test.local");
        var user = await app.AddUserAsync("pwd.user@test.local", Roles.Officer, area.Id);

        var result = await Users.RequirePasswordChangeAsync(admin, user.Id, (await Users.GetAsync(user.Id))!.ConcurrencyStamp);
        var signIn = await LoginForm.PostAsync(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = app.ClientAddress }), "pwd.user@test.local",
            AsbOpsAppFactory.Password);

        Assert.True(result.Succeeded, result.Message);
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.False((await Users.GetAsync(user.Id))!.HasPassword);
        await using var db = app.CreateDbContext();
        var mail = await db.Outbox.SingleAsync(m => m.To == "pwd.user@test.local");
        Assert.Contains("/Account/SetPassword?email=pwd.user%40test.local&token=", mail.TextBody);
    }

    [Fact]
    public async Task UnlockClearsALockoutAfterFailedSignIns()
    {
        var area = await app.AddAreaAsync("LOCKA");
        var admin = await AdminWorld.AdminAsync(app, "lock.admin@test.local");
        var user = await app.AddUserAsync("lock.user@test.local", Roles.Officer, area.Id);
        await AdminWorld.WithUsersAsync(app, async users => await users.SetLockoutEndDateAsync((await users.FindByIdAsync(user.Id))!, DateTimeOffset.UtcNow.AddMinutes(15)));
        var locked = (await Users.GetAsync(user.Id))!;

        var result = await Users.EnableAsync(admin, user.Id, locked.ConcurrencyStamp);

        Assert.NotNull(locked.LockedOutUntil);
        Assert.True(result.Succeeded);
        Assert.Null((await Users.GetAsync(user.Id))!.LockedOutUntil);
        using var client = await app.CreateSignedInClientAsync("lock.user@test.local");
    }

    [GeneratedRegex(@"https?://\S+/Account/SetPassword\?\S+")]
    private static partial Regex LinkPattern();
}
