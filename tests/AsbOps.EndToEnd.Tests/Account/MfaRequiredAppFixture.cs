using AsbOps.EndToEnd.Tests.Infrastructure;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.EndToEnd.Tests.Account;

/// <summary>The app as a force runs it (no demo data, two-step verification required for admin and compliance).</summary>
public sealed class MfaRequiredAppFixture : LiveAppFixture
{
    public const string Password = "a long enough passphrase";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Demo:SeedOnStart"] = "false",
        ["Authentication:RequireMfaForRoles"] = "admin,compliance",
    };

    public async Task AddUserAsync(string email, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Casey Compliance", PrimaryRole = role };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }
}
