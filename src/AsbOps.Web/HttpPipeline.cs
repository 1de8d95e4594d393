using AsbOps.Web.Features.Map;
using AsbOps.Web.Security;
using AsbOps.Web.Security.SingleSignOn;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace AsbOps.Web;

/// <summary>
/// The host's HTTP pipeline: security headers, errors, problem details for the API, static assets, sign-in, limits,
/// antiforgery.
/// </summary>
public static class HttpPipeline
{
    /// <summary>
    /// On every response: no MIME sniffing, no referrer outside the app's own origin, no camera, microphone or location,
    /// never inside another site's frame, and the <see cref="ContentSecurityPolicy"/>.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next, string contentSecurityPolicy)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = contentSecurityPolicy;

        // Downloads (exports, workbooks) hold case data: never kept by a browser's or a proxy's cache.
        context.Response.OnStarting(() =>
        {
            if (context.Response.Headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next();
    }

    public static void UseAsbOpsPipeline(this WebApplication app)
    {
        app.UseAsbOpsTransportSecurity();
        var policy = ContentSecurityPolicy.Build(app.Services.GetRequiredService<IOptions<MapOptions>>().Value,
            app.Services.GetRequiredService<IOptions<OidcOptions>>().Value);
        app.Use((context, next) => SecurityHeaders(context, next, policy));

        // In every environment, Development included: the developer exception page prints the request's headers, and an
        // API key is one of them. Pages get the app's error page; the API always answers problem+json, never HTML.
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context => Results.Problem(statusCode: StatusCodes.Status500InternalServerError,
                title: "The request failed on the server",
                detail: "Nothing was changed by a failed request. Try again; if it fails again, tell the AsbOps administrators the time it failed.")
                .ExecuteAsync(context),
        }));

        app.UseStatusCodePages(async context =>
        {
            if (!context.HttpContext.Request.Path.StartsWithSegments("/api"))
            {
                return;
            }

            await Results.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext);
        });

        var assets = AssetsFolder(app.Environment);
        if (assets is not null)
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets) });
        }

        app.UseAuthentication();
        app.UseFailedAuthenticationLimit();
        app.UseMfaEnrolmentGate();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
    }

    /// <summary>The repository's <c>wwwroot-assets/</c>, copied beside the binaries at build.</summary>
    private static string? AssetsFolder(IWebHostEnvironment environment)
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "wwwroot-assets"),
            Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "wwwroot-assets")),
        ];
        return candidates.FirstOrDefault(Directory.Exists);
    }
}
