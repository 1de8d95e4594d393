using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data.Seeding;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Admin;

/// <summary>The demo force on its own database, so disabling and retiring here touch no other test's data.</summary>
public sealed class AdminConfirmationAppFixture : LiveAppFixture;

/// <summary>Destructive administration asks first: Cancel changes nothing, the named action does it.</summary>
[Collection(LiveAppCollection.Name)]
public sealed class AdminConfirmationTests(AdminConfirmationAppFixture app) : IClassFixture<AdminConfirmationAppFixture>
{
    [Fact]
    public async Task RetiringAnAreaAsksFirstAndCancelKeepsItOpen()
    {
        var page = await app.SignInAsync(DemoLogins.Admin);
        await page.GotoAsync("/admin/areas");
        await page.WaitForInteractiveAsync();
        await page.Locator("input[data-testid='area-field-code'], [data-testid='area-field-code'] input").First.FillAsync("CONFIRMX");
        await page.Locator("input[data-testid='area-field-name'], [data-testid='area-field-name'] input").First.FillAsync("Confirm Test");
        await page.GetByTestId("area-save").ClickAsync();
        var row = page.Locator("tr").Filter(new() { Has = page.GetByTestId("admin-area-code").GetByText("CONFIRMX", new() { Exact = true }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);

        await row.GetByTestId("admin-area-retire").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Retire CONFIRMX?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("admin-area-status")).Not.ToContainTextAsync("Retired");

        await row.GetByTestId("admin-area-retire").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Retire area" }).ClickAsync();
        await Assertions.Expect(row.GetByTestId("admin-area-status")).ToContainTextAsync("Retired");
    }
}
