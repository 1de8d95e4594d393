using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace AsbOps.Web.Features.Admin.Settings;

/// <summary>
/// Where a setting's value comes from: the last configuration provider that has the key wins, as it does when the app
/// binds its options. Named as an administrator knows them: a settings file, the environment, the command line.
/// </summary>
public static class SettingSources
{
    public const string Default = "default";

    public static string Of(IConfiguration configuration, string key) =>
        configuration is IConfigurationRoot root ? Find(root, key) ?? Default : Default;

    private static string? Find(IConfigurationRoot root, string key)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (provider is ChainedConfigurationProvider { Configuration: IConfigurationRoot inner })
            {
                if (Find(inner, key) is { } found)
                {
                    return found;
                }

                continue;
            }

            if (provider.TryGet(key, out var value) && value is not null)
            {
                return Describe(provider);
            }
        }

        return null;
    }

    private static string Describe(IConfigurationProvider provider) => provider switch
    {
        EnvironmentVariablesConfigurationProvider => "environment",
        CommandLineConfigurationProvider => "command line",
        FileConfigurationProvider file => file.Source.Path is { Length: > 0 } path ? Path.GetFileName(path) : "settings file",
        MemoryConfigurationProvider => "host settings",
        _ => provider.GetType().Name.Replace("ConfigurationProvider", "", StringComparison.Ordinal).ToLowerInvariant(),
    };
}
