using System.Net;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Account;

/// <summary>
/// <c>--create-admin EMAIL</c> through the built app in Production, then its link over HTTP against the app on the
/// same database and key ring.
/// </summary>
public sealed class CreateAdminCommandTests : IAsyncLifetime
{
    private const string Email = "first.admin@force.test";
    private const string NewPassword = "correct horse battery";

    private readonly ClockedAppFactory _app;
    private readonly AdminCommand _command;

    public CreateAdminCommandTests()
    {
        var folder = Path.Combine(Path.GetTempPath(), "asbops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        DatabasePath = Path.Combine(folder, "asbops.db");
        _app = new ClockedAppFactory(new FakeTimeProvider(DateTimeOffset.UtcNow), DatabasePath);
        _command = new AdminCommand(DatabasePath, _app.KeysDirectory);
    }

    private string DatabasePath { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CreateAdminMakesAnAdministratorAndPrintsOneLinkOnTheConfiguredAddress()
    {
        var run = await _command.RunAsync("--create-admin", Email);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.OutputLines);
        Assert.StartsWith($"Set-password link: {AdminCommand.BaseUrl}/Account/SetPassword?email=first.admin%40force.test&token=", line);
        var user = await FindAsync(Email);
        Assert.NotNull(user);
        Assert.Null(user.PasswordHash);
        Assert.Equal(Roles.Admin, user.PrimaryRole);
        Assert.True(await InRoleAsync(user, Roles.Admin));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("admin@nodot")]
    [InlineData("Admin <admin@force.test>")]
    public async Task ABadEmailExitsNonZeroWithAMessageAndCreatesNoUser(string email)
    {
        var run = await _command.RunAsync("--create-admin", email);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output.Trim());
        Assert.Contains("is not an email address", run.Error);
        await using var db = _app.CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task CreateAdminWithoutAnEmailExitsNonZero()
    {
        var run = await _command.RunAsync("--create-admin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("takes the administrator's email address", run.Error);
    }

    [Fact]
    public async Task FollowingTheLinkSetsThePasswordConfirmsTheEmailAndTheAdministratorCanSignIn()
    {
        var link = LinkOf(await _command.RunAsync("--create-admin", Email));
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var page = await Html.GetAsync(client, SetPasswordForm.PathOf(link));
        var response = await SetPasswordForm.PostAsync(client, link, NewPassword);

        Assert.Equal(Email, page.Single("set-password-email").Text());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login?passwordSet=true", response.Headers.Location?.PathAndQuery);
        var login = await Html.GetAsync(client, "/Account/Login?passwordSet=true");
        Assert.Contains("Your password is set", login.Single("login-notice").Text());
        Assert.True((await FindAsync(Email))!.EmailConfirmed);
        using var signedIn = await _app.CreateSignedInClientAsync(Email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task TheLinkWorksOnceAndTheSecondUseSaysItNoLongerWorks()
    {
        var link = LinkOf(await _command.RunAsync("--create-admin", Email));
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordForm.PostAsync(client, link, NewPassword)).StatusCode);
        var hashAfterFirstUse = (await FindAsync(Email))!.PasswordHash;

        var again = await SetPasswordForm.PostAsync(client, link, "a different long password");
        var reopened = await Html.GetAsync(client, SetPasswordForm.PathOf(link));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("data-testid=\"set-password-link-invalid\"", await again.Content.ReadAsStringAsync());
        Assert.Contains("expired or has already been used", reopened.Single("set-password-link-invalid").Text());
        Assert.Empty(reopened.All("set-password-submit"));
        Assert.Equal(hashAfterFirstUse, (await FindAsync(Email))!.PasswordHash);
    }

    [Fact]
    public async Task ASecondRunForAnActiveAdministratorChangesNothingAndExitsNonZero()
    {
        var link = LinkOf(await _command.RunAsync("--create-admin", Email));
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await SetPasswordForm.PostAsync(client, link, NewPassword);
        var before = await FindAsync(Email);

        var run = await _command.RunAsync("--create-admin", Email);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output.Trim());
        Assert.Contains("already an active administrator", run.Error);
        var after = await FindAsync(Email);
        Assert.Equal(before!.SecurityStamp, after!.SecurityStamp);
        Assert.Equal(before.PasswordHash, after.PasswordHash);
    }

    [Fact]
    public async Task ASecondRunBeforeThePasswordIsSetPrintsAFreshLink()
    {
        await _command.RunAsync("--create-admin", Email);

        var run = await _command.RunAsync("--create-admin", Email);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Set-password link: ", Assert.Single(run.OutputLines));
        await using var db = _app.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Fact]
    public async Task ADisabledAdministratorIsReEnabledAndGetsALink()
    {
        var link = LinkOf(await _command.RunAsync("--create-admin", Email));
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await SetPasswordForm.PostAsync(client, link, NewPassword);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(Email);
            await users.SetLockoutEndDateAsync(user!, AccountStatus.DisabledUntil);
        }

        Assert.True(AccountStatus.IsDisabled((await FindAsync(Email))!, DateTimeOffset.UtcNow));

        var run = await _command.RunAsync("--create-admin", Email);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Re-enabled administrator", run.Error);
        Assert.StartsWith("Set-password link: ", Assert.Single(run.OutputLines));
        Assert.False(AccountStatus.IsDisabled((await FindAsync(Email))!, DateTimeOffset.UtcNow));
        using var signedIn = await _app.CreateSignedInClientAsync(Email, NewPassword);
    }

    [Fact]
    public async Task AUserWithoutTheAdministratorRoleIsRefused()
    {
        await _app.AddUserAsync("officer@force.test", Roles.Officer);

        var run = await _command.RunAsync("--create-admin", "officer@force.test");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("without the administrator role", run.Error);
        Assert.False(await InRoleAsync((await FindAsync("officer@force.test"))!, Roles.Admin));
    }

    private static string LinkOf(AdminCommand.Run run)
    {
        Assert.True(run.ExitCode == 0, $"--create-admin exited {run.ExitCode}: {run.Error}");
        return Assert.Single(run.OutputLines)["Set-password link: ".Length..];
    }

    private async Task<AppUser?> FindAsync(string email)
    {
        await using var db = _app.CreateDbContext();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
    }

    private async Task<bool> InRoleAsync(AppUser user, string role)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().IsInRoleAsync(user, role);
    }
}
