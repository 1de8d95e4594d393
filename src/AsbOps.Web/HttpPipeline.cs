using AsbOps.Web.Security;
using Microsoft.Extensions.FileProviders;

namespace AsbOps.Web;

/// <summary>
/// The host's HTTP pipeline: security headers, errors, problem details for the API, static assets, sign-in, limits,
/// antiforgery.
/// </summary>
public static class HttpPipeline
{
    /// <summary>
    /// On every response: no MIME sniffing, no referrer outside the app's own origin, no camera, microphone or location,
    /// and never inside another site's frame.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "frame-ancestors 'none'";
        return next();
    }

    public static void UseAsbOpsPipeline(this WebApplication app)
    {
        app.Use(SecurityHeaders);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

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
