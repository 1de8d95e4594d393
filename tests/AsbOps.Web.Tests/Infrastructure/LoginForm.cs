using System.Text.RegularExpressions;

namespace AsbOps.Web.Tests.Infrastructure;

/// <summary>Signs in through the real login page: reads its antiforgery token and posts the form.</summary>
public static partial class LoginForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var token = TokenPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException("The login page has no antiforgery token.");
        }

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/Account/Login", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
