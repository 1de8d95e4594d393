using AsbOps.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Account;

/// <summary>
/// A compliance officer (a role that must use two-step verification) signs in, is sent to enrolment and can go nowhere
/// else, scans (here: reads) the key, enrols with a code computed from it, reaches the app, and next time signs in with
/// a code. On a desktop and on a 390 px phone. With ASBOPS_SCREENSHOTS set, each step is saved there as a PNG.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class MfaEnrolmentTests(MfaRequiredAppFixture app) : IClassFixture<MfaRequiredAppFixture>
{
    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("phone", 390, 844)]
    public async Task ARoleThatNeedsMfaEnrolsAfterThePasswordThenSignsInWithACode(string device, int width, int height)
    {
        var email = $"compliance-{device}@force.test";
        await app.AddUserAsync(email, "compliance");
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await ShotAsync(page, device, "login");
        await SubmitPasswordAsync(page, email);
        await page.WaitForURLAsync("**/Account/Mfa");
        await Assertions.Expect(page.GetByTestId("mfa-required")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("mfa-qr")).ToBeVisibleAsync();
        await ShotAsync(page, device, "enrolment");

        await page.GotoAsync("/cases");
        await page.WaitForURLAsync("**/Account/Mfa");

        var key = (await page.GetByTestId("mfa-key").TextContentAsync())!;
        await page.GetByTestId("mfa-code").FillAsync(Totp.Now(key));
        await page.GetByTestId("mfa-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-code")).ToHaveCountAsync(10);
        await ShotAsync(page, device, "recovery-codes");
        await page.GetByTestId("mfa-continue").ClickAsync();
        await page.WaitForURLAsync(app.BaseUrl + "/compliance");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Casey Compliance");

        await page.GetByTestId("signed-in-user").ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage");
        await Assertions.Expect(page.GetByTestId("recovery-codes-left")).ToHaveTextAsync("10 recovery codes left.");
        await ShotAsync(page, device, "account");
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync("**/Account/Login");

        await SubmitPasswordAsync(page, email);
        await page.WaitForURLAsync("**/Account/LoginCode**");
        await ShotAsync(page, device, "code-step");
        await page.GetByTestId("login-code").FillAsync(Totp.Now(key));
        await page.GetByTestId("login-code-submit").ClickAsync();
        // "/" sends the compliance officer on to their own start page.
        await page.WaitForURLAsync(app.BaseUrl + "/compliance");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    private static async Task SubmitPasswordAsync(IPage page, string email)
    {
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(MfaRequiredAppFixture.Password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    private static async Task ShotAsync(IPage page, string device, string name)
    {
        if (Environment.GetEnvironmentVariable("ASBOPS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{device}.png"), FullPage = true });
        }
    }
}
