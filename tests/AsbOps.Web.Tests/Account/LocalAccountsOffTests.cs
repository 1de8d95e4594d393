using System.Net;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;

namespace AsbOps.Web.Tests.Account;

/// <summary>A force signing in only through its provider: no password form, and a posted password signs nobody in.</summary>
public sealed class LocalAccountsOffTests(LocalAccountsOffTests.SingleSignOnOnlyFactory app) : IClassFixture<LocalAccountsOffTests.SingleSignOnOnlyFactory>
{
    public sealed class SingleSignOnOnlyFactory : AsbOpsAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Authentication:LocalAccounts"] = "false",
            // A loopback authority: the provider's metadata is fetched only when someone presses the button.
            ["Authentication:Oidc:Authority"] = "http://127.0.0.1:9/",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            ["Authentication:Oidc:ClientId"] = "asbops",
            ["Authentication:Oidc:DisplayName"] = "Force Sign-In",
        };
    }

    [Fact]
    public async Task TheLoginPageHasNoPasswordFormOnlyTheProvidersButton()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var page = await client.GetStringAsync("/Account/Login");

        Assert.Contains("Sign in with Force Sign-In", page);
        Assert.Contains("data-testid=\"login-sso\"", page);
        Assert.DoesNotContain("data-testid=\"login-password\"", page);
        Assert.DoesNotContain("data-testid=\"login-email\"", page);
    }

    [Fact]
    public async Task APostedPasswordSignsNobodyInEvenWhenItIsRight()
    {
        var area = await app.AddAreaAsync("LOCALOFF");
        await app.AddUserAsync("right.password@test.local", Roles.Officer, area.Id);
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var response = await LoginForm.PostAsync(client, "right.password@test.local", AsbOpsAppFactory.Password);

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("asbops.auth=", StringComparison.Ordinal));
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/Login", home.Headers.Location?.ToString());
    }
}
