using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data.Seeding;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.SingleSignOn;

/// <summary>
/// Chromium signs in through a real OpenID Connect provider on loopback (OpenIddict, code flow with PKCE) with the
/// claims each test chooses: a known user, a new user created from the claims, and claims AsbOps must refuse.
/// With ASBOPS_SCREENSHOTS set, the login page and the refusal pages are saved there as PNGs.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class SingleSignOnTests(SingleSignOnAppFixture app) : IClassFixture<SingleSignOnAppFixture>
{
    [Fact]
    public async Task AKnownUserSignsInThroughTheProviderWithoutTheAppsOwnCode()
    {
        var page = await app.SignInThroughProviderAsync(new("entra-admin-1", DemoLogins.Admin, "Ada Admin", ["admin"]));

        // An administrator must use two-step verification; through single sign-on the provider does it, so no enrolment.
        Assert.Equal($"{app.BaseUrl}/", page.Url);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("counter-openCases")).ToBeVisibleAsync();
        var (_, roles, logins) = await app.UserWithRolesAsync(DemoLogins.Admin);
        Assert.Equal(["admin"], roles);
        Assert.Contains(logins, l => l.LoginProvider == "oidc" && l.ProviderKey == "entra-admin-1");
    }

    [Fact]
    public async Task AnUnknownUserIsCreatedWithTheRoleAndAreaTheClaimsGive()
    {
        var email = "nia.new@force.test";
        var page = await app.SignInThroughProviderAsync(new("entra-new-1", email, "Nia New", ["officer"],
            new Dictionary<string, string> { [SingleSignOnAppFixture.AreaClaim] = DemoLogins.AreaCode }));

        // An officer starts on their own work list; the dashboard is one step away.
        Assert.Equal($"{app.BaseUrl}/my-work", page.Url);
        await page.WaitForInteractiveAsync();
        await page.GotoAsync($"{app.BaseUrl}/");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("counter-openCases")).ToBeVisibleAsync();
        var (user, roles, logins) = await app.UserWithRolesAsync(email);
        Assert.NotNull(user);
        Assert.Equal("Nia New", user.DisplayName);
        Assert.Equal("officer", user.PrimaryRole);
        Assert.Equal(await app.AreaIdAsync(DemoLogins.AreaCode), user.AreaId);
        Assert.Equal(["officer"], roles);
        Assert.Contains(logins, l => l.LoginProvider == "oidc" && l.ProviderKey == "entra-new-1");
    }

    [Fact]
    public async Task ClaimsThatNameNoRoleAreRefusedWithAPageThatSaysSo()
    {
        var email = "no.role@force.test";
        var page = await app.SignInThroughProviderAsync(new("entra-norole-1", email, "Noel Norole", []));

        var refusal = page.GetByTestId("sso-refused");
        await Assertions.Expect(refusal).ToHaveAttributeAsync("data-reason", "no-role");
        await Assertions.Expect(refusal).ToContainTextAsync("gave you no AsbOps role");
        await ShotAsync(page, "refused-no-role");
        Assert.Null(await app.FindUserAsync(email));
        await AssertSignedOutAsync(page);
    }

    [Fact]
    public async Task AClaimNamingAnUnknownAreaIsRefusedAndThePageNamesIt()
    {
        var email = "wrong.area@force.test";
        var page = await app.SignInThroughProviderAsync(new("entra-area-1", email, "Wren Wrongarea", ["officer"],
            new Dictionary<string, string> { [SingleSignOnAppFixture.AreaClaim] = "ATLANTIS" }));

        var refusal = page.GetByTestId("sso-refused");
        await Assertions.Expect(refusal).ToHaveAttributeAsync("data-reason", "unknown-area");
        await Assertions.Expect(refusal).ToContainTextAsync("'ATLANTIS'");
        await ShotAsync(page, "refused-unknown-area");
        Assert.Null(await app.FindUserAsync(email));
        await AssertSignedOutAsync(page);
    }

    [Fact]
    public async Task AClaimNamingAnUnknownRoleIsRefusedAndThePageNamesIt()
    {
        var page = await app.SignInThroughProviderAsync(new("entra-role-1", DemoLogins.Officer, "Olu Officer", ["superintendent"]));

        var refusal = page.GetByTestId("sso-refused");
        await Assertions.Expect(refusal).ToHaveAttributeAsync("data-reason", "unknown-role");
        await Assertions.Expect(refusal).ToContainTextAsync("'superintendent'");
        await AssertSignedOutAsync(page);
    }

    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("phone", 390, 844)]
    public async Task TheLoginPageOffersTheProviderBesideThePasswordForm(string device, int width, int height)
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");

        await Assertions.Expect(page.GetByTestId("login-sso")).ToHaveTextAsync($"Sign in with {SingleSignOnAppFixture.ProviderName}");
        await Assertions.Expect(page.GetByTestId("login-password")).ToBeVisibleAsync();
        await ShotAsync(page, $"login-sso-and-password-{device}");
    }

    /// <summary>A refused sign-in leaves no session: the dashboard sends the browser to the login page.</summary>
    private async Task AssertSignedOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    internal static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ASBOPS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"sso-{name}.png"), FullPage = true });
        }
    }
}
