using AsbOps.Web.Security.SingleSignOn;

namespace AsbOps.Web.Tests.Security;

/// <summary>Single sign-on settings a deployment could get wrong are named at start-up, not at the first sign-in.</summary>
public sealed class OidcSettingsTests
{
    [Fact]
    public void SingleSignOnIsOffByDefault()
    {
        var options = new OidcOptions();

        Assert.False(options.Enabled);
        Assert.Null(options.Problem());
        Assert.Equal("roles", options.RoleClaim);
        Assert.False(options.CreateUsers);
    }

    [Fact]
    public void AnEntraIdTenantNeedsOnlyItsAuthorityAndClientId()
    {
        var options = new OidcOptions { Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0", ClientId = "11111111-2222-3333-4444-555555555555" };

        Assert.Null(options.Problem());
        Assert.Equal(["openid", "profile", "email"], options.ScopeList.OrderBy(s => s == "openid" ? 0 : 1).ToList());
    }

    [Theory]
    [InlineData("http://idp.force.test/", false, "must use https")]
    [InlineData("http://idp.force.test/", true, "must use https")]
    [InlineData("https://idp.force.test/", false, "only for a loopback authority")]
    [InlineData("idp.force.test", true, "absolute https address")]
    public void PlainHttpMetadataIsAllowedOnlyForALoopbackProvider(string authority, bool requireHttps, string message)
    {
        var options = new OidcOptions { Authority = authority, ClientId = "asbops", RequireHttpsMetadata = requireHttps };

        Assert.Contains(message, options.Problem());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5999/")]
    [InlineData("http://localhost:5999/")]
    [InlineData("http://[::1]:5999/")]
    public void ALoopbackProviderMayUsePlainHttpWhenTheSettingSaysSo(string authority)
    {
        Assert.Null(new OidcOptions { Authority = authority, ClientId = "asbops", RequireHttpsMetadata = false }.Problem());
    }

    [Fact]
    public void AnAuthorityWithoutAClientIdIsNamed()
    {
        Assert.Contains("ClientId must be set", new OidcOptions { Authority = "https://login.microsoftonline.com/x/v2.0" }.Problem());
    }
}
