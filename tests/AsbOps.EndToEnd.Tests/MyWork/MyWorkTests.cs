using AsbOps.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.MyWork;

/// <summary>The officer's and sergeant's start page in the demo force: what is due, each a link to where it is done.</summary>
[Collection(LiveAppCollection.Name)]
public sealed class MyWorkTests(LiveAppFixture app)
{
    [Fact]
    public async Task AnOfficerLandsOnTheirWorkAndEachLineOpensThePlaceToAct()
    {
        var page = await app.SignInAsync("officer@demo.local");
        Assert.EndsWith("/my-work", page.Url);
        await page.WaitForInteractiveAsync();

        var items = page.GetByTestId("my-work-item");
        await items.First.WaitForAsync();
        Assert.Equal("true", await items.First.GetAttributeAsync("data-overdue"));
        var link = items.First.GetByTestId("my-work-link");
        var href = (await link.GetAttributeAsync("href"))!;
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(href, StringComparison.Ordinal));
        Assert.DoesNotContain("/Account/AccessDenied", page.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ASergeantSeesTheAreasWorkGroupedByOfficer()
    {
        var page = await app.SignInAsync("sergeant@demo.local");
        Assert.EndsWith("/my-work", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My area's work");
        var officers = page.GetByTestId("my-work-officer");
        await officers.First.WaitForAsync();
        Assert.True(await officers.CountAsync() >= 1);
        await Assertions.Expect(officers.First.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync(" due");
        await page.Context.CloseAsync();
    }
}
