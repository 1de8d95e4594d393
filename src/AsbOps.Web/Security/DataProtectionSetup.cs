using AsbOps.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace AsbOps.Web.Security;

public static class DataProtectionSetup
{
    public const string KeysDirectoryKey = "DataProtection:KeysDirectory";

    /// <summary><c>Files</c> (default: <see cref="KeysDirectoryKey"/>) or <c>Database</c> (the app's own database).</summary>
    public const string KeyStoreKey = "DataProtection:KeyStore";

    /// <summary>
    /// One key ring for the app and its command line: a set-password link printed by <c>--create-admin</c> must open in
    /// the server, and sign-in cookies must survive a restart or a new container. With <c>DataProtection:KeyStore=Files</c>
    /// (the default) the keys live in <c>DataProtection:KeysDirectory</c> (default <c>data/keys</c> under the content
    /// root, beside the SQLite file and on the Docker volume). With <c>Database</c> they live in the app's database
    /// (table <c>DataProtectionKeys</c>), so every instance of a scaled-out deployment reads the same ring and a cookie
    /// one instance wrote opens on any other. The fixed application name makes the ring independent of the folder the
    /// app is started from.
    /// </summary>
    public static IServiceCollection AddAsbOpsDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataProtection = services.AddDataProtection().SetApplicationName("AsbOps");
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
}
