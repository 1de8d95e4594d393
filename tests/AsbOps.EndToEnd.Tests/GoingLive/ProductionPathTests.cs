using System.Text.RegularExpressions;
using AsbOps.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.GoingLive;

/// <summary>
/// A force goes live on an empty database, as the README's Configure section tells it to: the first administrator
/// from the command line, their password and two-step verification, the first area and officer from the
/// administration pages, and the officer in through the emailed invitation to their area's empty dashboard.
/// With ASBOPS_SCREENSHOTS set, each step is saved there as a PNG.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed partial class ProductionPathTests(ProductionAppFixture app) : IClassFixture<ProductionAppFixture>
{
    private const string AdminEmail = "first.admin@force.test";
    private const string OfficerEmail = "olive.officer@force.test";
    private const string AdminPassword = "copper kettle morning tide";
    private const string OfficerPassword = "seven lanterns over rutland";

    [Fact]
    public async Task AForceGoesLiveFromAnEmptyDatabaseToAnOfficersDashboard()
    {
        // The first administrator, from the command line on the server.
        var run = await app.RunCommandAsync("--create-admin", AdminEmail);
        Assert.True(run.ExitCode == 0, $"--create-admin exited {run.ExitCode}: {run.Output} {run.Error}");
        var linkLine = Assert.Single(run.Output.Split('\n'), l => l.StartsWith("Set-password link: ", StringComparison.Ordinal));
        var adminLink = linkLine["Set-password link: ".Length..].Trim();
        Assert.StartsWith($"{app.BaseUrl}/", adminLink);

        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await SetPasswordAsync(page, adminLink, AdminPassword);
        await ShotAsync(page, "1-admin-password-set");

        // An administrator must use two-step verification: the password leads to enrolment, the code from the key turns it on.
        await SubmitPasswordAsync(page, AdminEmail, AdminPassword);
        await page.WaitForURLAsync("**/Account/Mfa");
        var key = (await page.GetByTestId("mfa-key").TextContentAsync())!;
        await page.GetByTestId("mfa-code").FillAsync(Totp.Now(key));
        await page.GetByTestId("mfa-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("recovery-code")).ToHaveCountAsync(10);
        await ShotAsync(page, "2-admin-mfa-on");

        // The first area.
        await page.GotoAsync($"{app.BaseUrl}/admin/areas");
        await page.WaitForInteractiveAsync();
        await Field(page, "area-field-code").FillAsync("RUTLAND");
        await Field(page, "area-field-name").FillAsync("Rutland");
        await page.GetByTestId("area-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-area-code")).ToHaveTextAsync(["RUTLAND"]);
        await ShotAsync(page, "3-area-added");

        // The first officer, invited by email.
        await page.GotoAsync($"{app.BaseUrl}/admin/users");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("user-invite-open").ClickAsync();
        await Field(page, "user-field-email").FillAsync(OfficerEmail);
        await Field(page, "user-field-name").FillAsync("Olive Officer");
        await ChooseAsync(page, "user-field-role", "Officer");
        await ChooseAsync(page, "user-field-area", "Rutland (RUTLAND)");
        await page.GetByTestId("user-invite-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-invite-message")).ToContainTextAsync($"Invitation sent to {OfficerEmail}");
        await ShotAsync(page, "4-officer-invited");

        // The outbox sends the invitation through SMTP; the officer follows its link.
        var officerLink = await InvitationLinkAsync(OfficerEmail);
        Assert.StartsWith($"{app.BaseUrl}/", officerLink);
        var officer = await (await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } })).NewPageAsync();
        await SetPasswordAsync(officer, officerLink, OfficerPassword);
        await SubmitPasswordAsync(officer, OfficerEmail, OfficerPassword);
        await officer.WaitForURLAsync($"{app.BaseUrl}/my-work");
        await officer.WaitForInteractiveAsync();
        await Assertions.Expect(officer.GetByTestId("my-work-empty")).ToBeVisibleAsync();
        await officer.GotoAsync($"{app.BaseUrl}/");
        await officer.WaitForInteractiveAsync();

        // Their own area's dashboard, empty.
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Operations dashboard · RUTLAND");
        foreach (var counter in new[] { "awaitingScreening", "openCases", "highRiskCases", "missingAssessments", "unknownAnswers", "overdueReviews" })
        {
            await Assertions.Expect(officer.GetByTestId($"counter-{counter}")).ToHaveTextAsync("0");
        }

        await ShotAsync(officer, "5-officer-dashboard");
    }

    private static async Task SetPasswordAsync(IPage page, string link, string password)
    {
        await page.GotoAsync(link);
        await page.GetByTestId("set-password-password").FillAsync(password);
        await page.GetByTestId("set-password-confirm").FillAsync(password);
        await page.GetByTestId("set-password-submit").ClickAsync();
        await page.WaitForURLAsync("**/Account/Login?passwordSet=true");
    }

    private static async Task SubmitPasswordAsync(IPage page, string email, string password)
    {
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>A MudBlazor text field's input, whether the hook sits on the input or around it.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    /// <summary>Opens a MudSelect and picks the option with exactly this text.</summary>
    private static async Task ChooseAsync(IPage page, string testId, string option)
    {
        await page.Locator($".mud-select:has([data-testid='{testId}']), .mud-select[data-testid='{testId}']").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>The set-password link in the invitation the SMTP server received, waited for with a deadline.</summary>
    private async Task<string> InvitationLinkAsync(string to)
    {
        var message = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == to), TimeSpan.FromSeconds(60));
        Assert.True(message is not null, $"No invitation reached {to} within 60 seconds.");
        return SetPasswordLink().Match(message.TextBody ?? "").Value;
    }

    [GeneratedRegex(@"https?://\S+/Account/SetPassword\S*")]
    private static partial Regex SetPasswordLink();

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("ASBOPS_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"golive-{name}.png"), FullPage = true });
        }
    }
}
