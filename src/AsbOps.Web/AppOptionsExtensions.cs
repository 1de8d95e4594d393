using Microsoft.Extensions.Options;

namespace AsbOps.Web;

public static class AppOptionsExtensions
{
    /// <summary>
    /// Binds <c>App</c>; <c>App:BaseUrl</c> wins, <c>Email:BaseUrl</c> (older deployments) is the fallback, then
    /// <see cref="AppOptions.DefaultBaseUrl"/>. A value that is not an absolute http(s) address stops the app at start.
    /// </summary>
    public static IServiceCollection AddAsbOpsAppOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppOptions>()
            .Bind(configuration.GetSection(AppOptions.Section))
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.BaseUrl))
                {
                    options.BaseUrl = configuration[AppOptions.LegacyBaseUrlKey] ?? "";
                }

                options.BaseUrl = options.BaseUrl.Trim();
                options.BaseUrlConfigured = options.BaseUrl.Length > 0;
                if (!options.BaseUrlConfigured)
                {
                    options.BaseUrl = AppOptions.DefaultBaseUrl;
                }
            })
            .Validate(options => AppOptions.IsAbsoluteHttpUrl(options.BaseUrl),
                "App:BaseUrl must be an absolute http or https address without a query, such as https://asbops.force.example.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>Outside Development, says once at start-up when links fall back to the default address.</summary>
    public static void WarnIfBaseUrlIsDefault(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<AppOptions>>().Value;
        if (!options.BaseUrlConfigured && !app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("App:BaseUrl is not set: links in emails, markers and workbooks point at {BaseUrl}. "
                + "Set App:BaseUrl (environment variable App__BaseUrl) to the address users open", options.BaseUrl);
        }
    }
}
