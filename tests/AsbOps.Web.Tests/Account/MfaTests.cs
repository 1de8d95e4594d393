using System.Net;
using AngleSharp.Html.Parser;
using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Security.Passwords;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Account;

/// <summary>The app as a force runs it: two-step verification required for administrators and compliance officers.</summary>
public sealed class MfaAppFactory : AsbOpsAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Authentication:RequireMfaForRoles"] = "admin,compliance" };
}

/// <summary>
/// Two-step verification with an authenticator app: enrolment with a QR code and the key as text, a code computed here
/// from that key (RFC 6238), ten recovery codes shown once, the code step of sign-in, and enrolment enforced for the
/// roles that need it.
/// </summary>
public sealed class MfaTests(MfaAppFactory app) : IClassFixture<MfaAppFactory>
{
    [Fact]
    public async Task ARoleThatNeedsItIsSentToEnrolmentAfterThePasswordAndCanDoNothingElse()
    {
        var (client, login) = await SignInAsync("enforced@mfa.test", Roles.Compliance);

        var home = await client.GetAsync("/");
        var compliance = await client.GetAsync("/compliance");
        var api = await client.GetAsync("/api/v1/markers?postcode=LE11%201AA");
        var circuit = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        var enrolment = await PageAsync(client, "/Account/Mfa");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/Account/Mfa", home.Headers.Location?.OriginalString);
        Assert.Equal("/Account/Mfa", compliance.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, circuit.StatusCode);
        Assert.Single(enrolment.All("mfa-required"));
        Assert.Single(enrolment.All("mfa-qr"));
    }

    [Fact]
    public async Task EnrolmentWithACodeFromTheKeyTurnsItOnShowsTenRecoveryCodesOnceAndOpensTheApp()
    {
        var (client, _) = await SignInAsync("enrol@mfa.test", Roles.Compliance);
        var key = (await PageAsync(client, "/Account/Mfa")).Single("mfa-key").Text();

        var enrolled = await PostPageAsync(client, "/Account/Mfa", "mfa-enable", new() { ["Input.Code"] = Totp.Now(key) });
        var home = await client.GetAsync("/compliance");
        var again = await PageAsync(client, "/Account/Mfa");

        Assert.Single(enrolled.All("mfa-enabled"));
        var codes = enrolled.All("recovery-code").Select(c => c.Text()).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Single(again.All("mfa-already-on"));
        Assert.Empty(again.All("recovery-code"));
        Assert.True((await UserAsync("enrol@mfa.test")).TwoFactorEnabled);
    }

    [Fact]
    public async Task AWrongCodeIsExplainedBesideTheFieldAndLeavesItOff()
    {
        var (client, _) = await SignInAsync("wrongcode@mfa.test", Roles.Admin);
        var key = (await PageAsync(client, "/Account/Mfa")).Single("mfa-key").Text();
        var wrong = Totp.Now(key) == "000000" ? "000001" : "000000";

        var page = await PostPageAsync(client, "/Account/Mfa", "mfa-enable", new() { ["Input.Code"] = wrong });

        Assert.Contains("did not match", page.Single("mfa-code-error").Text());
        Assert.False((await UserAsync("wrongcode@mfa.test")).TwoFactorEnabled);
        Assert.Equal("/Account/Mfa", (await client.GetAsync("/")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AUserWithItEntersACodeAfterThePassword()
    {
        var (key, _) = await EnrolledAsync("second-step@mfa.test", Roles.Officer);
        var (client, login) = await SignInAsync("second-step@mfa.test");

        var beforeCode = await client.GetAsync("/aide-memoire");
        var wrong = await PostPageAsync(client, login.Headers.Location!.OriginalString, "login-code", new() { ["Input.Code"] = "12345" });
        var right = await PostAsync(client, login.Headers.Location!.OriginalString, "login-code", new() { ["Input.Code"] = Totp.Now(key) });

        Assert.Equal("/Account/LoginCode", new Uri(new Uri("http://localhost"), login.Headers.Location!).AbsolutePath);
        Assert.Equal("/Account/Login", beforeCode.Headers.Location?.AbsolutePath);
        Assert.Contains("did not work", wrong.Single("login-code-error").Text());
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/aide-memoire")).StatusCode);
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnceOnly()
    {
        var (_, codes) = await EnrolledAsync("recovery@mfa.test", Roles.Officer);

        var (first, firstLogin) = await SignInAsync("recovery@mfa.test");
        var used = await PostAsync(first, firstLogin.Headers.Location!.OriginalString, "login-code", new() { ["Input.Code"] = codes[0].ToLowerInvariant() });
        var (second, secondLogin) = await SignInAsync("recovery@mfa.test");
        var reused = await PostPageAsync(second, secondLogin.Headers.Location!.OriginalString, "login-code", new() { ["Input.Code"] = codes[0] });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Single(reused.All("login-code-error"));
        Assert.Equal(9, await users.CountRecoveryCodesAsync((await users.FindByEmailAsync("recovery@mfa.test"))!));
    }

    [Fact]
    public async Task TheAccountPageShowsCodesLeftAndChangesThePasswordUnderTheSameRules()
    {
        await EnrolledAsync("manage@mfa.test", Roles.Admin);
        var (client, jar) = await SignInWithJarAsync("manage@mfa.test");
        var oldCookie = jar.Cookies[CookieJar.AuthCookie];

        var page = await PageAsync(client, "/Account/Manage");
        var common = await PostPageAsync(client, "/Account/Manage", "change-password", Passwords(AsbOpsAppFactory.Password, "qwerty123456"));
        var wrongCurrent = await PostPageAsync(client, "/Account/Manage", "change-password", Passwords("not my password", "a fresh long passphrase"));
        var changed = await PostPageAsync(client, "/Account/Manage", "change-password", Passwords(AsbOpsAppFactory.Password, "a fresh long passphrase"));
        var oldSession = app.CreateDefaultClient(new CookieJar { Cookies = { [CookieJar.AuthCookie] = oldCookie } });

        Assert.Equal("10 recovery codes left.", page.Single("recovery-codes-left").Text());
        Assert.Single(page.All("mfa-required-note"));
        Assert.Empty(page.All("mfa-disable"));
        Assert.Equal(CommonPasswordValidator<AppUser>.Message, common.Single("new-password-error").Text());
        Assert.Equal("That is not your current password.", wrongCurrent.Single("current-password-error").Text());
        Assert.Contains("Your password is changed", changed.Single("manage-notice").Text());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await oldSession.GetAsync("/Account/Manage")).StatusCode);
    }

    [Fact]
    public async Task ARoleThatDoesNotNeedItMayTurnItOff()
    {
        await EnrolledAsync("optout@mfa.test", Roles.Officer);
        var (client, _) = await SignInWithJarAsync("optout@mfa.test");

        var page = await PostPageAsync(client, "/Account/Manage", "mfa-disable", new());

        Assert.Equal("Two-step verification is off.", page.Single("manage-notice").Text());
        Assert.False((await UserAsync("optout@mfa.test")).TwoFactorEnabled);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage")).StatusCode);
    }

    private static Dictionary<string, string> Passwords(string current, string next) =>
        new() { ["Password.Current"] = current, ["Password.New"] = next, ["Password.Confirm"] = next };

    /// <summary>A user with two-step verification on, set up as the enrolment page does; returns the key and codes.</summary>
    private async Task<(string Key, IReadOnlyList<string> Codes)> EnrolledAsync(string email, string role)
    {
        var area = await app.AddAreaAsync("MFA");
        await app.AddUserAsync(email, role, area.Id);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return ((await users.GetAuthenticatorKeyAsync(user))!, [.. codes!]);
    }

    /// <summary>Posts the password; the user is created first when a role is given.</summary>
    private async Task<(HttpClient Client, HttpResponseMessage Login)> SignInAsync(string email, string? role = null)
    {
        if (role is not null)
        {
            var area = await app.AddAreaAsync("MFA");
            await app.AddUserAsync(email, role, area.Id);
        }

        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        return (client, await LoginForm.PostAsync(client, email, AsbOpsAppFactory.Password));
    }

    /// <summary>Password and code, with the cookies in a jar the test can copy.</summary>
    private async Task<(HttpClient Client, CookieJar Jar)> SignInWithJarAsync(string email)
    {
        var jar = new CookieJar();
        var client = app.CreateDefaultClient(jar);
        var login = await LoginForm.PostAsync(client, email, AsbOpsAppFactory.Password);
        string key;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
        }

        var code = await PostAsync(client, login.Headers.Location!.OriginalString, "login-code", new() { ["Input.Code"] = Totp.Now(key) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        return (client, jar);
    }

    private async Task<AppUser> UserAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    private static Task<AngleSharp.Dom.IDocument> PageAsync(HttpClient client, string path) => Html.GetAsync(client, path);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string form, Dictionary<string, string> fields) =>
        PageForm.PostAsync(client, path, form, fields);

    private static async Task<AngleSharp.Dom.IDocument> PostPageAsync(HttpClient client, string path, string form, Dictionary<string, string> fields)
    {
        using var response = await PageForm.PostAsync(client, path, form, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }
}
