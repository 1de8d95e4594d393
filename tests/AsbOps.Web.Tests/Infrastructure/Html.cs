using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>Reads a page over HTTP and parses it, so tests assert on elements and text rather than raw markup.</summary>
public static class Html
{
    public static async Task<IDocument> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static IElement Single(this IDocument document, string testId) =>
        document.QuerySelectorAll($"[data-testid='{testId}']") switch
        {
            { Length: 1 } found => found[0],
            var found => throw new InvalidOperationException($"Expected one element with data-testid '{testId}', found {found.Length}."),
        };

    public static IReadOnlyList<IElement> All(this IDocument document, string testId) =>
        [.. document.QuerySelectorAll($"[data-testid='{testId}']")];

    /// <summary>The visible text with runs of white space collapsed.</summary>
    public static string Text(this INode node) =>
        string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A table row's cells, each as text, joined by a single space.</summary>
    public static string Cells(this IElement row) => string.Join(' ', row.Children.Select(cell => cell.Text()));
}
