using System.Net;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Security.SignIn;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Account;

/// <summary>
/// A session ends at once, on every instance, when the user signs out, is disabled, changes role or changes password:
/// the cookie is checked against the user's security stamp on every request, and open circuits every minute.
/// </summary>
public sealed class SessionEndTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Fact]
    public async Task SigningOutWithoutTheFormTokenIsRefusedAndTheSessionGoesOn()
    {
        var (client, _) = await SignedInAsync("forged@session.test");

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/aide-memoire")).StatusCode);
    }

    [Fact]
    public async Task AfterSigningOutTheOldCookieOpensNothing()
    {
        var (client, jar) = await SignedInAsync("signout@session.test");
        var oldCookie = jar.Cookies[CookieJar.AuthCookie];
        Assert.Equal(HttpStatusCode.OK, (await Replaying(oldCookie).GetAsync("/aide-memoire")).StatusCode);

        var token = await PageForm.TokenAsync(client, "/Account/Manage");
        var signedOut = await client.PostAsync("/Account/Logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/Account/Login", signedOut.Headers.Location?.OriginalString);
        AssertSentToSignIn(await Replaying(oldCookie).GetAsync("/aide-memoire"));
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("role")]
    [InlineData("password")]
    public async Task TheOldCookieStopsWorkingAtOnceWhenTheAccountChanges(string change)
    {
        var email = $"{change}@session.test";
        var (_, jar) = await SignedInAsync(email);
        var oldCookie = jar.Cookies[CookieJar.AuthCookie];
        Assert.Equal(HttpStatusCode.OK, (await Replaying(oldCookie).GetAsync("/aide-memoire")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            var result = change switch
            {
                "disabled" => await users.SetLockoutEndDateAsync(user, AccountStatus.DisabledUntil),
                "role" => await users.AddToRoleAsync(user, Roles.Sergeant),
                _ => await users.ChangePasswordAsync(user, AsbOpsAppFactory.Password, "a different long passphrase"),
            };
            Assert.True(result.Succeeded);
        }

        AssertSentToSignIn(await Replaying(oldCookie).GetAsync("/aide-memoire"));
    }

    [Fact]
    public async Task AnOpenCircuitChecksTheUserAgainWithinAMinute()
    {
        var area = await app.AddAreaAsync("SESSION");
        await app.AddUserAsync("circuit@session.test", Roles.Officer, area.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync("circuit@session.test"))!;
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user);
        var provider = Assert.IsType<SessionRevalidatingStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());

        var before = await provider.IsStillValidAsync(principal);
        await users.UpdateSecurityStampAsync(user);
        var after = await provider.IsStillValidAsync(principal);

        Assert.True(before);
        Assert.False(after);
        Assert.True(SessionRevalidatingStateProvider.Interval <= TimeSpan.FromMinutes(1));
    }

    private async Task<(HttpClient Client, CookieJar Jar)> SignedInAsync(string email)
    {
        var area = await app.AddAreaAsync("SESSION");
        await app.AddUserAsync(email, Roles.Officer, area.Id);
        var jar = new CookieJar();
        var client = app.CreateDefaultClient(jar);
        var response = await LoginForm.PostAsync(client, email, AsbOpsAppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, jar);
    }

    /// <summary>A client that sends only a copied login cookie, as someone replaying it would.</summary>
    private HttpClient Replaying(string authCookie)
    {
        var jar = new CookieJar();
        jar.Cookies[CookieJar.AuthCookie] = authCookie;
        return app.CreateDefaultClient(jar);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }
}
