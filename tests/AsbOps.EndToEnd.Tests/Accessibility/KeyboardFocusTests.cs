using AsbOps.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Accessibility;

/// <summary>
/// The pages people start on, walked with the Tab key alone: every stop is an element that can act, and each shows
/// where the focus is (an outline or a shadow), so nothing needs a mouse.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class KeyboardFocusTests(LiveAppFixture app)
{
    private const int MaxStops = 40;

    [Fact]
    public async Task EveryTabStopOnTheStartPagesShowsAVisibleFocus()
    {
        var page = await app.SignInAsync("sergeant@demo.local");
        var problems = new List<string>();

        foreach (var path in new[] { "/my-work", "/", "/cases", "/incidents" })
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // The interactive render replaces the prerendered page: a stop focused before it would be lost with it.
            await page.WaitForInteractiveAsync();
            var stops = new HashSet<string>();
            for (var i = 0; i < MaxStops; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var stop = await page.EvaluateAsync<FocusStop?>(
                    """
                    () => {
                      const e = document.activeElement;
                      if (!e || e === document.body) return null;
                      const s = getComputedStyle(e);
                      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
                      const label = (e.getAttribute('aria-label') || e.textContent || e.getAttribute('name') || '').trim().slice(0, 50);
                      return { id: e.tagName + '|' + label + '|' + (e.getAttribute('href') || ''), visible: outline || s.boxShadow !== 'none' };
                    }
                    """);
                if (stop is null || !stops.Add(stop.Id))
                {
                    break;
                }

                if (!stop.Visible)
                {
                    problems.Add($"{path}: no visible focus on {stop.Id}");
                }
            }

            Assert.True(stops.Count >= 3, $"{path}: only {stops.Count} tab stops");
        }

        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private sealed class FocusStop
    {
        public string Id { get; set; } = "";

        public bool Visible { get; set; }
    }
}
