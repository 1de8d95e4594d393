using Microsoft.AspNetCore.DataProtection;

namespace AsbOps.Web.Security;

public static class DataProtectionSetup
{
    public const string KeysDirectoryKey = "DataProtection:KeysDirectory";

    /// <summary>
    /// One key ring for the app and its command line: a set-password link printed by <c>--create-admin</c> must open in
    /// the server, and sign-in cookies must survive a restart or a new container. The keys live in
    /// <c>DataProtection:KeysDirectory</c> (default <c>data/keys</c> under the content root, beside the SQLite file and on
    /// the Docker volume); the fixed application name makes the ring independent of the folder the app is started from.
    /// Several instances must share the folder.
    /// </summary>
    public static IServiceCollection AddAsbOpsDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var folder = configuration[KeysDirectoryKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(environment.ContentRootPath, "data", "keys");
        services.AddDataProtection()
            .SetApplicationName("AsbOps")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(folder, environment.ContentRootPath)));
        return services;
    }
}
