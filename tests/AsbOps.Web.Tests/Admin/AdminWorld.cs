using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Admin;

/// <summary>Administrators as the admin services see them, and reads of users straight from Identity.</summary>
public static class AdminWorld
{
    public static async Task<UserScope> AdminAsync(AsbOpsAppFactory app, string email)
    {
        var admin = await app.AddUserAsync(email, Roles.Admin, displayName: "Admin " + email.Split('@')[0]);
        return new UserScope(admin.Id, admin.DisplayName, Roles.Admin, null, null);
    }

    public static async Task<AppUser> UserAsync(AsbOpsAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return (await users.FindByEmailAsync(email))!;
    }

    public static async Task<T> WithUsersAsync<T>(AsbOpsAppFactory app, Func<UserManager<AppUser>, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
    }

    public static T Service<T>(AsbOpsAppFactory app) where T : notnull =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();
}
