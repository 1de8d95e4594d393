using AsbOps.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.SingleSignOn;

/// <summary>
/// A force that signs in only through its provider (<c>Authentication:LocalAccounts=false</c>) and creates no users
/// on first sign-in (<c>Authentication:Oidc:CreateUsers=false</c>).
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class SingleSignOnOnlyTests(SingleSignOnOnlyAppFixture app) : IClassFixture<SingleSignOnOnlyAppFixture>
{
    [Fact]
    public async Task AnUnknownUserIsRefusedWithAClearPageAndNotCreated()
    {
        var email = "stranger@force.test";
        var page = await app.SignInThroughProviderAsync(new("entra-stranger-1", email, "Sam Stranger", ["officer"]), new() { Width = 390, Height = 844 });

        var refusal = page.GetByTestId("sso-refused");
        await Assertions.Expect(refusal).ToHaveAttributeAsync("data-reason", "unknown-user");
        await Assertions.Expect(refusal).ToContainTextAsync($"There is no AsbOps account for {email}");
        await SingleSignOnTests.ShotAsync(page, "refused-unknown-user-phone");
        Assert.Null(await app.FindUserAsync(email));
    }

    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("phone", 390, 844)]
    public async Task TheLoginPageOffersOnlyTheProvider(string device, int width, int height)
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");

        await Assertions.Expect(page.GetByTestId("login-sso")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("login-password")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("login-email")).ToHaveCountAsync(0);
        await SingleSignOnTests.ShotAsync(page, $"login-sso-only-{device}");
    }
}
