using AsbOps.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Map;

/// <summary>The map in the demo force, with no tile server (a blank background), as an officer of CHARNWOOD sees it.</summary>
[Collection(LiveAppCollection.Name)]
public sealed class MapTests(LiveAppFixture app)
{
    [Fact]
    public async Task AnOfficerSeesTheirAreasPointsAndClicksThroughToACase()
    {
        var page = await app.SignInAsync("officer@demo.local");
        await page.GotoAsync($"{app.BaseUrl}/map");
        await page.WaitForInteractiveAsync();

        var map = page.GetByTestId("map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-tiles", "false");
        // Every point handed to the map, clustered or not, is of the officer's area.
        Assert.Equal("CHARNWOOD", await map.GetAttributeAsync("data-areas"));
        Assert.True(int.Parse(await map.GetAttributeAsync("data-incidents") ?? "0") > 0);
        Assert.True(int.Parse(await map.GetAttributeAsync("data-cases") ?? "0") > 0);
        Assert.Equal(await page.GetByTestId("map-incident-count").InnerTextAsync(), await map.GetAttributeAsync("data-incidents"));
        Assert.True(int.Parse(await page.GetByTestId("map-unplaced-count").InnerTextAsync()) > 0);
        await Assertions.Expect(page.GetByTestId("map-unplaced-item").First).ToBeVisibleAsync();

        // Open clusters until a case's own marker is drawn.
        var casePoint = page.Locator(".map-point-case");
        for (var i = 0; i < 15 && await casePoint.CountAsync() == 0; i++)
        {
            var zoom = await map.GetAttributeAsync("data-zoom");
            await page.Locator(".map-cluster").First.DispatchEventAsync("click");
            await page.WaitForFunctionAsync(
                "z => document.querySelector('[data-testid=map]').dataset.zoom !== z || document.querySelector('.map-point-case') !== null",
                zoom);
        }

        Assert.True(await casePoint.CountAsync() > 0, "no case marker after opening clusters");
        foreach (var point in await page.Locator(".map-point").AllAsync())
        {
            Assert.Equal("CHARNWOOD", await point.GetAttributeAsync("data-area"));
        }

        var href = (await casePoint.First.GetAttributeAsync("data-href"))!;
        Assert.StartsWith("/cases/", href);
        await casePoint.First.DispatchEventAsync("click");
        var link = page.GetByTestId("map-popup-link");
        await Assertions.Expect(link).ToHaveAttributeAsync("href", href);
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(href, StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("case-ref")).ToHaveTextAsync(href["/cases/".Length..]);
        await page.Context.CloseAsync();
    }
}
