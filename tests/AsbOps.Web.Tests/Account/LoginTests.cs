using System.Net;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Account;

public sealed class LoginTests(AsbOpsAppFactory app) : IClassFixture<AsbOpsAppFactory>
{
    [Fact]
    public async Task ACorrectPasswordSignsInAndRedirectsHome()
    {
        var area = await app.AddAreaAsync("LOGINA");
        await app.AddUserAsync("right@test.local", Roles.Officer, area.Id);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await LoginForm.PostAsync(client, "right@test.local", AsbOpsAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/home", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task AWrongPasswordAndAnUnknownEmailGetTheSameMessage()
    {
        var area = await app.AddAreaAsync("LOGINB");
        await app.AddUserAsync("known@test.local", Roles.Officer, area.Id);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var wrongPassword = await (await LoginForm.PostAsync(client, "known@test.local", "not-the-password")).Content.ReadAsStringAsync();
        var unknownEmail = await (await LoginForm.PostAsync(client, "nobody@test.local", "not-the-password")).Content.ReadAsStringAsync();

        Assert.Contains("Invalid login.", wrongPassword);
        Assert.Contains("Invalid login.", unknownEmail);
        Assert.Equal(ErrorText(wrongPassword), ErrorText(unknownEmail));
    }

    [Fact]
    public async Task FiveFailuresLockTheAccountEvenAgainstTheRightPassword()
    {
        var area = await app.AddAreaAsync("LOGINC");
        await app.AddUserAsync("locked@test.local", Roles.Officer, area.Id);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await LoginForm.PostAsync(client, "locked@test.local", "wrong-password");
        }

        var response = await LoginForm.PostAsync(client, "locked@test.local", AsbOpsAppFactory.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid login.", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/cases", "/cases")]
    [InlineData("//evil.example/x", "/home")]
    [InlineData("https://evil.example/", "/home")]
    [InlineData("/\\evil.example", "/home")]
    [InlineData(null, "/home")]
    [InlineData("/", "/home")]
    public void OnlyLocalReturnAddressesAreFollowed(string? returnUrl, string expected) =>
        Assert.Equal(expected, AsbOps.Web.Features.Account.LoginPage.SafeReturnUrl(returnUrl));

    private static string ErrorText(string html)
    {
        var start = html.IndexOf("data-testid=\"login-error\"", StringComparison.Ordinal);
        return start < 0 ? "" : html.Substring(start, Math.Min(200, html.Length - start));
    }
}
