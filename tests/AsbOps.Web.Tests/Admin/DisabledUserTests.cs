using System.Net;
using AsbOps.Web.Features.Admin.Users;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AsbOps.Web.Tests.Admin;

/// <summary>Disabling a user refuses their sign-in and ends the session they already have; re-enabling lets them back.</summary>
public sealed class DisabledUserTests
{
    [Fact]
    public async Task ADisabledUserCannotSignInAndTheirOpenSessionEndsWithinAMinute()
    {
        await using var app = new ClockedAppFactory(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var area = await app.AddAreaAsync("GONEA");
        var admin = await AdminWorld.AdminAsync(app, "gone.admin@test.local");
        var user = await app.AddUserAsync("gone.user@test.local", Roles.Officer, area.Id);
        using var session = await app.CreateSignedInClientAsync("gone.user@test.local");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/incidents")).StatusCode);
        var service = AdminWorld.Service<UserAdministration>(app);

        var result = await service.DisableAsync(admin, user.Id, (await service.GetAsync(user.Id))!.ConcurrencyStamp);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var afterDisable = await session.GetAsync("/incidents");
        var signIn = await LoginForm.PostAsync(app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }), "gone.user@test.local",
            AsbOpsAppFactory.Password);

        Assert.True(result.Succeeded, result.Message);
        Assert.True((await service.GetAsync(user.Id))!.Disabled);
        Assert.Equal(HttpStatusCode.Redirect, afterDisable.StatusCode);
        Assert.Contains("/Account/Login", afterDisable.Headers.Location!.OriginalString);
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);

        var enabled = await service.EnableAsync(admin, user.Id, (await service.GetAsync(user.Id))!.ConcurrencyStamp);
        using var back = await app.CreateSignedInClientAsync("gone.user@test.local");
        Assert.True(enabled.Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/incidents")).StatusCode);
    }
}
