using AsbOps.Web.Security;
using MudBlazor.Services;

namespace AsbOps.Web.Components;

/// <summary>The Blazor Server UI: Razor components, MudBlazor, and the component routes.</summary>
public static class UiFeature
{
    public static IServiceCollection AddAsbOpsUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    public static void MapAsbOpsUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        // The pipeline's own Content-Security-Policy (ContentSecurityPolicy.cs) says frame-ancestors 'none'; Blazor's default
        // ('self') would be a second header.
        // Pages and the circuit (/_blazor) need the login cookie: an API key opens neither.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null)
            .RequireAuthorization(SecurityServiceCollectionExtensions.InteractivePolicy);
    }
}
