using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AsbOps.EndToEnd.Tests.SingleSignOn;

/// <summary>
/// The demo force with single sign-on through a real OpenID Connect provider on loopback, and two-step verification
/// required for administrators (which single sign-on users are not asked for: their provider does it).
/// </summary>
public class SingleSignOnAppFixture : LiveAppFixture
{
    public const string ProviderName = "Test Provider";
    public const string AreaClaim = "asbops_area";

    public TestIdentityProvider Provider { get; } = new();

    protected virtual bool CreateUsers => true;

    protected virtual bool LocalAccounts => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Authentication:RequireMfaForRoles"] = "admin,compliance",
        ["Authentication:LocalAccounts"] = LocalAccounts ? "true" : "false",
        ["Authentication:Oidc:Authority"] = Provider.Authority,
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        ["Authentication:Oidc:ClientId"] = TestIdentityProvider.ClientId,
        ["Authentication:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Authentication:Oidc:AreaClaim"] = AreaClaim,
        ["Authentication:Oidc:CreateUsers"] = CreateUsers ? "true" : "false",
        ["Authentication:Oidc:DisplayName"] = ProviderName,
    };

    protected override Task BeforeStartAsync() => Provider.StartAsync();

    protected override Task AfterStartAsync() => Provider.RegisterClientAsync(BaseUrl);

    protected override async Task StoppedAsync() => await Provider.DisposeAsync();

    /// <summary>A fresh browser on the login page that presses "Sign in with …" as <paramref name="user"/>.</summary>
    public async Task<IPage> SignInThroughProviderAsync(TestIdentityProvider.User user, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = viewport ?? new() { Width = 1366, Height = 900 } });
        await Provider.ChooseUserAsync(context, user);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByTestId("login-sso").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(BaseUrl, StringComparison.Ordinal) && !url.Contains("/Account/Login", StringComparison.Ordinal)
            && !url.Contains("/signin-oidc", StringComparison.Ordinal) && !url.Contains("/Account/Sso/", StringComparison.Ordinal));
        return page;
    }

    public async Task<AppUser?> FindUserAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    public async Task<(AppUser? User, IList<string> Roles, IList<UserLoginInfo> Logins)> UserWithRolesAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is null ? (null, [], []) : (user, await users.GetRolesAsync(user), await users.GetLoginsAsync(user));
    }

    public async Task<int> AreaIdAsync(string code)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AsbOpsDbContext>>().CreateDbContextAsync();
        return await db.Areas.Where(a => a.Code == code).Select(a => a.Id).SingleAsync();
    }
}

/// <summary>Single sign-on only: unknown users refused, password sign-in switched off.</summary>
public sealed class SingleSignOnOnlyAppFixture : SingleSignOnAppFixture
{
    protected override bool CreateUsers => false;

    protected override bool LocalAccounts => false;
}
