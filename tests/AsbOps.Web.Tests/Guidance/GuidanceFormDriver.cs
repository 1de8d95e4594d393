using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AsbOps.Web.Tests.Guidance;

/// <summary>Finds and works the guidance form's fields and tabs, for the editor or the page around it.</summary>
internal static class GuidanceFormDriver
{
    /// <summary>Generous: the machine running the tests may be loaded, and waiting ends as soon as the assertion holds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static IElement Field<T>(IRenderedComponent<T> rendered, string testId)
        where T : IComponent
    {
        var element = rendered.Find($"[data-testid='{testId}']");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }

    /// <summary>The message MudBlazor shows under the field: the error sits beside the field it is about.</summary>
    public static string HelperText<T>(IRenderedComponent<T> rendered, string testId)
        where T : IComponent =>
        Field(rendered, testId).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";

    /// <summary>
    /// Clicks the tab and waits until MudTabs shows it as the active one: the switch can land in a later render
    /// than the click when the machine is loaded, and a test that reads the panel before then sees the old one.
    /// </summary>
    public static async Task OpenTabAsync<T>(IRenderedComponent<T> rendered, string text)
        where T : IComponent
    {
        await FindTab(rendered, text).ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        await EventuallyAsync(rendered, () => Xunit.Assert.Contains("mud-tab-active", FindTab(rendered, text).ClassList));
    }

    private static IElement FindTab<T>(IRenderedComponent<T> rendered, string text)
        where T : IComponent =>
        rendered.FindAll(".mud-tab").Single(t => t.TextContent.Trim().StartsWith(text, StringComparison.Ordinal));

    /// <summary>Waits without holding a thread: blocking waits starve the pool when many test classes run at once.</summary>
    public static Task EventuallyAsync<T>(IRenderedComponent<T> rendered, Action assertion)
        where T : IComponent =>
        rendered.WaitForAssertionAsync(assertion, Patience);
}
