using System.Net;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Security.SignIn;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Account;

/// <summary>
/// Failed sign-ins are limited per client address (first) and per account (a lockout that doubles each time), on a
/// clock the test moves.
/// </summary>
public sealed class SignInThrottleTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwentyFailuresFromOneAddressInTenMinutesAnswer429UntilTheWindowHasPassed()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(Start));
        var area = await app.AddAreaAsync("THROTTLE");
        await app.AddUserAsync("patient@throttle.test", Roles.Officer, area.Id);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 20; i++)
        {
            var failed = await LoginForm.PostAsync(client, $"guess{i}@throttle.test", "a wrong password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            app.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var refused = await LoginForm.PostAsync(client, "patient@throttle.test", AsbOpsAppFactory.Password);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(399));
        var stillRefused = await LoginForm.PostAsync(client, "patient@throttle.test", AsbOpsAppFactory.Password);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var allowed = await LoginForm.PostAsync(client, "patient@throttle.test", AsbOpsAppFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(400), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("Too many failed sign-ins from your network. Wait 7 minutes and try again.", page.Single("login-throttled").Text());
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    [Fact]
    public async Task EachLockoutLastsTwiceAsLongAsTheOneBeforeUntilTheUserSignsIn()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(Start), settings: NoAddressLimit);
        var area = await app.AddAreaAsync("THROTTLE");
        await app.AddUserAsync("doubling@throttle.test", Roles.Officer, area.Id);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        await FailAsync(client, "doubling@throttle.test", 5);
        var first = await StateAsync(app, "doubling@throttle.test");
        var duringFirst = await LoginForm.PostAsync(client, "doubling@throttle.test", AsbOpsAppFactory.Password);
        app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await FailAsync(client, "doubling@throttle.test", 5);
        var second = await StateAsync(app, "doubling@throttle.test");
        app.Clock.Advance(TimeSpan.FromMinutes(9));
        var duringSecond = await LoginForm.PostAsync(client, "doubling@throttle.test", AsbOpsAppFactory.Password);
        app.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterSecond = await LoginForm.PostAsync(client, "doubling@throttle.test", AsbOpsAppFactory.Password);
        var signedIn = await StateAsync(app, "doubling@throttle.test");

        Assert.Equal(TimeSpan.FromMinutes(5), first.LockoutEnd - first.Now);
        Assert.Equal(1, first.Lockouts);
        Assert.Contains("Invalid login.", await duringFirst.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromMinutes(10), second.LockoutEnd - second.Now);
        Assert.Equal(2, second.Lockouts);
        Assert.Contains("Invalid login.", await duringSecond.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, afterSecond.StatusCode);
        Assert.Equal(0, signedIn.Lockouts);
    }

    [Fact]
    public async Task AnAdministratorsUnlockLetsTheUserInAndStartsTheDoublingAgain()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(Start), settings: NoAddressLimit);
        var area = await app.AddAreaAsync("THROTTLE");
        await app.AddUserAsync("unlock@throttle.test", Roles.Officer, area.Id);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await FailAsync(client, "unlock@throttle.test", 5);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("unlock@throttle.test"))!, null)).Succeeded);
        }

        var unlocked = await StateAsync(app, "unlock@throttle.test");
        var response = await LoginForm.PostAsync(client, "unlock@throttle.test", AsbOpsAppFactory.Password);

        Assert.Equal(0, unlocked.Lockouts);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task TheAddressLimitComesFirstSoOneAttackerCannotKeepAnAccountLocked()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(Start),
            settings: new Dictionary<string, string?> { ["Authentication:SignInLimits:FailuresPerAddress"] = "3" });
        var area = await app.AddAreaAsync("THROTTLE");
        await app.AddUserAsync("target@throttle.test", Roles.Officer, area.Id);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add((await LoginForm.PostAsync(client, "target@throttle.test", "a wrong password")).StatusCode);
        }

        var target = await StateAsync(app, "target@throttle.test");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 7)], statuses);
        Assert.Equal(3, target.Failures);
        Assert.Null(target.LockoutEnd);
    }

    [Fact]
    public void TheLockoutStopsGrowingAtTheLongestSetting()
    {
        var limits = new SignInLimitOptions();

        Assert.Equal(TimeSpan.FromMinutes(5), limits.LockoutAfter(0));
        Assert.Equal(TimeSpan.FromMinutes(40), limits.LockoutAfter(3));
        Assert.Equal(TimeSpan.FromHours(24), limits.LockoutAfter(9));
        Assert.Equal(TimeSpan.FromHours(24), limits.LockoutAfter(1000));
    }

    private static Dictionary<string, string?> NoAddressLimit => new() { ["Authentication:SignInLimits:FailuresPerAddress"] = "1000" };

    private sealed record AccountState(DateTimeOffset Now, DateTimeOffset? LockoutEnd, int Failures, int Lockouts);

    private static async Task FailAsync(HttpClient client, string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await LoginForm.PostAsync(client, email, "a wrong password");
        }
    }

    private static async Task<AccountState> StateAsync(ClockedAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = (AppUserManager)scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        return new(app.Clock.GetUtcNow(), user.LockoutEnd, user.AccessFailedCount, await users.LockoutsAsync(user));
    }
}
