using System.Net;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using AsbOps.Web.Tests.Security;

namespace AsbOps.Web.Tests.Account;

/// <summary>Every role signs in through the real login form and lands on a page it may open.</summary>
public sealed class RoleHomePageTests(PageAccessFixture fixture) : IClassFixture<PageAccessFixture>
{
    [Theory]
    [InlineData(Roles.Officer, "/my-work")]
    [InlineData(Roles.Sergeant, "/my-work")]
    [InlineData(Roles.Inspector, "/")]
    [InlineData(Roles.Compliance, "/compliance")]
    [InlineData(Roles.Analyst, "/metrics")]
    [InlineData(Roles.Partner, "/cases")]
    [InlineData(Roles.Admin, "/")]
    public async Task EachRoleLandsOnAPageItMayOpenAfterSigningIn(string role, string home)
    {
        using var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });

        var signedIn = await LoginForm.PostAsync(client, PageAccessFixture.Email(role), AsbOpsAppFactory.Password);
        var landing = await FollowAsync(client, signedIn);

        Assert.Equal(home, landing.Path);
        Assert.Equal(HttpStatusCode.OK, landing.Response.StatusCode);
        Assert.DoesNotContain("data-testid=\"access-denied\"", await landing.Response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APartnerAskingForTheBareAddressGetsTheirStartPageNotAccessDenied()
    {
        var client = await fixture.ClientAsync(Roles.Partner);

        var landing = await FollowAsync(client, await client.GetAsync("/"));

        Assert.Equal("/cases", landing.Path);
        Assert.Equal(HttpStatusCode.OK, landing.Response.StatusCode);
    }

    [Fact]
    public async Task AccessDeniedOffersTheUsersOwnStartPage()
    {
        var client = await fixture.ClientAsync(Roles.Partner);

        var denied = await FollowAsync(client, await client.GetAsync("/compliance"));
        var html = await denied.Response.Content.ReadAsStringAsync();

        Assert.Equal("/Account/AccessDenied", denied.Path);
        Assert.Contains($"href=\"{HomePages.Route}\" data-testid=\"go-home\"", html);
        var home = await FollowAsync(client, await client.GetAsync(HomePages.Route));
        Assert.Equal("/cases", home.Path);
    }

    private static async Task<(string Path, HttpResponseMessage Response)> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
        {
            var location = response.Headers.Location!;
            path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            response = await client.GetAsync(location);
        }

        return (path, response);
    }
}
