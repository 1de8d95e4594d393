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
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
