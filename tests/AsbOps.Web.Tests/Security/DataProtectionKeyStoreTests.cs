using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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

    [Fact]
    public async Task WithACertificateTheStoredKeysAreEncryptedAndOnlyAnInstanceHoldingItOpensWhatIsProtected()
    {
        var folder = Directory.CreateTempSubdirectory("asbops-keycert-").FullName;
        try
        {
            var pfx = WriteCertificate(folder, "keys.pfx", "pfx-pass", withPrivateKey: true);
            using var a = new KeyStoreApp(null, "Database", pfx, "pfx-pass");
            using var b = new KeyStoreApp(a.DatabasePath, "Database", pfx, "pfx-pass");
            using var without = new KeyStoreApp(a.DatabasePath, "Database");

            var payload = Protector(a).Protect("signed in as officer@test.local");

            Assert.Equal("signed in as officer@test.local", Protector(b).Unprotect(payload));
            await using var db = a.CreateDbContext();
            var stored = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(stored);
            // Encrypted: an EncryptedData element instead of the master key's plain value.
            Assert.All(stored, xml =>
            {
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
            Assert.ThrowsAny<CryptographicException>(() => Protector(without).Unprotect(payload));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("missing", "there is no file")]
    [InlineData("wrong-password", "could not be opened")]
    [InlineData("no-private-key", "holds no private key")]
    public void ACertificateThatCannotEncryptStopsTheAppWithAMessageNamingTheSetting(string problem, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("asbops-keycert-").FullName;
        try
        {
            var path = problem switch
            {
                "missing" => Path.Combine(folder, "absent.pfx"),
                "wrong-password" => WriteCertificate(folder, "keys.pfx", "right", withPrivateKey: true),
                _ => WriteCertificate(folder, "public.pfx", "right", withPrivateKey: false),
            };
            using var app = new KeyStoreApp(null, "Database", path, problem == "wrong-password" ? "wrong" : "right");

            var error = Assert.ThrowsAny<Exception>(() => app.Services);

            var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
            Assert.Contains(DataProtectionSetup.CertificateKey, messages, StringComparison.Ordinal);
            Assert.Contains(expected, messages, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A self-signed RSA certificate in a .pfx file, with or without its private key.</summary>
    private static string WriteCertificate(string folder, string name, string password, bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=AsbOps data-protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var exported = withPrivateKey ? certificate : X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, exported.Export(X509ContentType.Pfx, password));
        return path;
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

    /// <summary>An instance on its own SQLite file, or on another instance's file, with the key store (and certificate) given.</summary>
    private sealed class KeyStoreApp(string? sharedDatabase, string keyStore, string? certificate = null, string? password = null) : AsbOpsAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:AsbOps"] = $"Data Source={sharedDatabase ?? DatabasePath}",
            [DataProtectionSetup.KeyStoreKey] = keyStore,
            [DataProtectionSetup.CertificateKey] = certificate,
            [DataProtectionSetup.CertificatePasswordKey] = password,
        };
    }
}
