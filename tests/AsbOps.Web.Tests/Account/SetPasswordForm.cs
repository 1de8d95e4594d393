using System.Text.RegularExpressions;

namespace AsbOps.Web.Tests.Account;

/// <summary>Opens a set-password link over HTTP and posts its form, antiforgery token included.</summary>
public static partial class SetPasswordForm
{
    /// <summary>The path and query of an absolute link, for the test server's client.</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string link, string password, string? confirm = null)
    {
        var path = PathOf(link);
        // A link that no longer works shows no form; the login page's token then lets the test post anyway.
        var token = TokenPattern().Match(await client.GetStringAsync(path));
        if (!token.Success)
        {
            token = TokenPattern().Match(await client.GetStringAsync("/Account/Login"));
        }

        if (!token.Success)
        {
            throw new InvalidOperationException("No antiforgery token to post with.");
        }

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "set-password",
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Password"] = password,
            ["Input.Confirm"] = confirm ?? password,
        });
        return await client.PostAsync(path, form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
