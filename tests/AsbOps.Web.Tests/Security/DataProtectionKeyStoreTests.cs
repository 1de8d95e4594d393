using System.Security.Cryptography;
using AsbOps.Web.Security;
using AsbOps.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AsbOps.Web.Tests.Security;

/// <summary>
/// <c>DataProtection:KeyStore</c>: with <c>Database</c> two instances on one database share the key ring, so what one
/// protects (a sign-in cookie, a set-password link) the other opens; with the default folder per instance they do not.
/// </summary>
public sealed class DataProtectionKeyStoreTests
{
    [Fact]
    public async Task WithKeysInTheDatabaseWhatOneInstanceProtectsTheOtherOpens()
    {
        using var a = new KeyStoreApp(null, "Database");
        using var b = new KeyStoreApp(a.DatabasePath, "Database");

        var payload = Protector(a).Protect("signed in as officer@test.local");

        Assert.Equal("signed in as officer@test.local", Protector(b).Unprotect(payload));
        await using var db = a.CreateDbContext();
        Assert.True(await db.DataProtectionKeys.AnyAsync());
        Assert.False(Directory.Exists(a.KeysDirectory));
        Assert.False(Directory.Exists(b.KeysDirectory));
    }

    [Fact]
    public void WithAKeyFolderPerInstanceTheOtherInstanceCannotOpenIt()
    {
        using var a = new KeyStoreApp(null, "Files");
        using var b = new KeyStoreApp(a.DatabasePath, "Files");

        var payload = Protector(a).Protect("signed in as officer@test.local");

        Assert.ThrowsAny<CryptographicException>(() => Protector(b).Unprotect(payload));
    }

    [Fact]
    public void AnUnknownKeyStoreStopsTheAppWithAMessageNamingTheSetting()
    {
        using var app = new KeyStoreApp(null, "Redis");

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains($"{DataProtectionSetup.KeyStoreKey} is \"Redis\"", messages, StringComparison.Ordinal);
    }

    private static IDataProtector Protector(AsbOpsAppFactory app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyStoreTests");

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>An instance on its own SQLite file, or on another instance's file, with the key store given.</summary>
    private sealed class KeyStoreApp(string? sharedDatabase, string keyStore) : AsbOpsAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:AsbOps"] = $"Data Source={sharedDatabase ?? DatabasePath}",
            [DataProtectionSetup.KeyStoreKey] = keyStore,
        };
    }
}
