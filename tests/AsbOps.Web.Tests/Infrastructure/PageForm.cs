using System.Text.RegularExpressions;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>Posts one of a static page's forms as a browser would: the page's antiforgery token, its form name, its fields.</summary>
public static partial class PageForm
{
    /// <summary>The antiforgery token of the page at <paramref name="path"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var token = TokenPattern().Match(await response.Content.ReadAsStringAsync());
        return token.Success
            ? System.Net.WebUtility.HtmlDecode(token.Groups[1].Value)
            : throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} without an antiforgery token.");
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var token = await TokenAsync(client, path);
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
