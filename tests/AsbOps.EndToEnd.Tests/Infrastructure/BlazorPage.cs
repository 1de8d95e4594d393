using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.Infrastructure;

public static class BlazorPage
{
    /// <summary>
    /// Waits until the Blazor circuit is connected so clicks reach .NET handlers rather than the prerendered HTML.
    /// The layout sets <c>data-interactive</c> on the body once it has rendered interactively.
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("body[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
}
