using AsbOps.Web.Data;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Account;

/// <summary>Counts password-hash verifications, the work that makes a sign-in slow.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new();
    private int _verifications;

    public int Verifications => _verifications;

    public void Reset() => _verifications = 0;

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class CountingHasherAppFactory : AsbOpsAppFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<AppUser>>(Hasher));
    }
}

/// <summary>
/// A wrong password for a real account took 134 ms and an unknown email 4.5 ms, which told an attacker who has an
/// account. Every failed sign-in now verifies exactly one password hash, whoever it names.
/// </summary>
public sealed class SignInTimingTests(CountingHasherAppFactory app) : IClassFixture<CountingHasherAppFactory>
{
    [Fact]
    public async Task AnUnknownEmailCostsTheSameHashingAsAWrongPasswordForARealAccount()
    {
        var area = await app.AddAreaAsync("TIMING");
        await app.AddUserAsync("real@timing.test", Roles.Officer, area.Id);

        var wrongPassword = await VerificationsForAsync("real@timing.test");
        var unknownEmail = await VerificationsForAsync("nobody@timing.test");

        Assert.Equal(1, wrongPassword);
        Assert.Equal(wrongPassword, unknownEmail);
    }

    [Fact]
    public async Task ADisabledOrLockedAccountCostsTheSameHashingAsAWrongPassword()
    {
        var area = await app.AddAreaAsync("TIMING");
        await app.AddUserAsync("disabled@timing.test", Roles.Officer, area.Id);
        await app.AddUserAsync("locked@timing.test", Roles.Officer, area.Id);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("disabled@timing.test"))!, AccountStatus.DisabledUntil);
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync("locked@timing.test"))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.Equal(1, await VerificationsForAsync("disabled@timing.test"));
        Assert.Equal(1, await VerificationsForAsync("locked@timing.test"));
        Assert.Equal(1, await VerificationsForAsync("disabled@timing.test", AsbOpsAppFactory.Password));
    }

    private async Task<int> VerificationsForAsync(string email, string password = "a wrong password")
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        app.Hasher.Reset();
        var response = await LoginForm.PostAsync(client, email, password);
        Assert.Contains("Invalid login.", await response.Content.ReadAsStringAsync());
        return app.Hasher.Verifications;
    }
}
