using System.Net;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Security;

/// <summary>
/// An API key is for the API: with <c>X-Api-Key</c>, <c>/_blazor/negotiate</c> answered 200, so a machine client could
/// open an interactive session. Only a signed-in user may now open a circuit or a page.
/// </summary>
public sealed class InteractiveSessionTests(ApiAppFactory app) : IClassFixture<ApiAppFactory>
{
    private const string Negotiate = "/_blazor/negotiate?negotiateVersion=1";

    [Theory]
    [InlineData(ApiAppFactory.StormKey)]
    [InlineData(ApiAppFactory.WallboardKey)]
    public async Task AnApiKeyCannotOpenACircuit(string key)
    {
        using var client = app.ClientWithKey(key);

        var response = await client.PostAsync(Negotiate, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task NobodySignedInCannotOpenACircuit()
    {
        using var client = app.ClientWithKey(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Negotiate, null)).StatusCode);
    }

    [Fact]
    public async Task ASignedInUserOpensACircuit()
    {
        var area = await app.AddAreaAsync("CIRCUIT");
        await app.AddUserAsync("circuit@interactive.test", AsbOps.Web.Security.Roles.Officer, area.Id);
        using var client = await app.CreateSignedInClientAsync("circuit@interactive.test");

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(Negotiate, null)).StatusCode);
    }

    [Fact]
    public async Task TheSignInPageStillLoadsBlazorsScriptWithoutSigningIn()
    {
        using var client = app.ClientWithKey(null);

        var response = await client.GetAsync("/_framework/blazor.web.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/aide-memoire")]
    [InlineData("/alerts")]
    public async Task AnApiKeyCannotOpenAPage(string path)
    {
        using var client = app.ClientWithKey(ApiAppFactory.WallboardKey);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }
}
