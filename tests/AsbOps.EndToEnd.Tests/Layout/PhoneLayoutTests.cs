using AsbOps.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Layout;

/// <summary>At 390×844 the officer's pages fit the width, the incident filters sit above the list, and the header keeps sign-out as an icon.</summary>
[Collection(LiveAppCollection.Name)]
public sealed class PhoneLayoutTests(LiveAppFixture app)
{
    [Fact]
    public async Task TheOfficersPagesAreUsableOnA390PixelPhone()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByTestId("login-email").FillAsync("officer@demo.local");
        await page.GetByTestId("login-password").FillAsync(LiveAppFixture.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        await page.GotoAsync("/incidents");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("incident-link").First.WaitForAsync();
        var status = await Box(page.GetByTestId("filter-status"));
        var toolbar = await Box(page.Locator("[data-testid='incident-table'] .mud-table-toolbar"));
        var firstRow = await Box(page.Locator("[data-testid='incident-table'] tbody tr").First);
        Assert.True(status.Y + status.Height <= toolbar.Y + toolbar.Height + 1, "a filter spills out of its toolbar");
        Assert.True(toolbar.Y + toolbar.Height <= firstRow.Y + 1, "the filters overlap the first incident");

        var signOut = page.GetByTestId("logout");
        Assert.Equal("Sign out", await signOut.GetAttributeAsync("aria-label"));
        var button = await Box(signOut);
        Assert.True(button.Width <= 64, $"the sign-out button is {button.Width} px wide on a phone: it should be an icon");
        Assert.True(button.X + button.Width <= 390, "the sign-out button is off the screen");

        await page.GotoAsync("/cases");
        await page.WaitForInteractiveAsync();
        var casePath = await page.GetByTestId("case-link").First.GetAttributeAsync("href");
        foreach (var path in new[] { "/", "/incidents", "/cases", casePath!, "/alerts" })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"{path} is {width} px wide on a 390 px phone");
            if (path == casePath && await page.GetByTestId("person-row").CountAsync() > 0)
            {
                // A person's row stays one line (the table scrolls sideways) rather than wrapping word by word.
                var row = await Box(page.GetByTestId("person-row").First);
                Assert.True(row.Height < 60, $"a person row on the case page is {row.Height} px tall: it wraps");
            }
        }

        await context.CloseAsync();
    }

    private static async Task<LocatorBoundingBoxResult> Box(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not visible.");
}
