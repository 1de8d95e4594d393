using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AsbOps.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace AsbOps.Web.Security;

public static class DataProtectionSetup
{
    public const string KeysDirectoryKey = "DataProtection:KeysDirectory";

    /// <summary><c>Files</c> (default: <see cref="KeysDirectoryKey"/>) or <c>Database</c> (the app's own database).</summary>
    public const string KeyStoreKey = "DataProtection:KeyStore";

    /// <summary>A PKCS#12 (.pfx) file with a private key: when set, every key is stored encrypted with it.</summary>
    public const string CertificateKey = "DataProtection:Certificate";

    /// <summary>The password of <see cref="CertificateKey"/>'s file (empty when it has none).</summary>
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    /// <summary>
    /// One key ring for the app and its command line: a set-password link printed by <c>--create-admin</c> must open in
    /// the server, and sign-in cookies must survive a restart or a new container. With <c>DataProtection:KeyStore=Files</c>
    /// (the default) the keys live in <c>DataProtection:KeysDirectory</c> (default <c>data/keys</c> under the content
    /// root, beside the SQLite file and on the Docker volume). With <c>Database</c> they live in the app's database
    /// (table <c>DataProtectionKeys</c>), so every instance of a scaled-out deployment reads the same ring and a cookie
    /// one instance wrote opens on any other. The fixed application name makes the ring independent of the folder the
    /// app is started from. With <see cref="CertificateKey"/> each key is written encrypted with that certificate, so the
    /// table, the folder and their backups hold nothing that opens a cookie without it; every instance needs the same
    /// certificate (keys written before it was set stay readable).
    /// </summary>
    public static IServiceCollection AddAsbOpsDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("AsbOps");
        if (LoadCertificate(configuration, environment) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        var store = configuration[KeyStoreKey];
        if (string.Equals(store, "Database", StringComparison.OrdinalIgnoreCase))
        {
            dataProtection.PersistKeysToDbContext<AsbOpsDbContext>();
            return services;
        }

        if (store is { Length: > 0 } && !string.Equals(store, "Files", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{KeyStoreKey} is \"{store}\": use \"Files\" (keys in {KeysDirectoryKey}) or \"Database\" (keys in the app's database, for several instances).");
        }

        var folder = configuration[KeysDirectoryKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(environment.ContentRootPath, "data", "keys");
        dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(folder, environment.ContentRootPath)));
        return services;
    }

    private static X509Certificate2? LoadCertificate(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[CertificateKey] is not { Length: > 0 } configured)
        {
            return null;
        }

        var path = Path.GetFullPath(configured, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificateKey} is \"{configured}\", but there is no file {path}: give the path of a .pfx file holding the certificate and its private key.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey]);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{CertificateKey} ({path}) could not be opened: {ex.Message} Check {CertificatePasswordKey} and that the file is a .pfx.", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{CertificateKey} ({path}) holds no private key: the keys it encrypts could not be read back. Export the certificate with its private key.");
        }

        return certificate;
    }
}
