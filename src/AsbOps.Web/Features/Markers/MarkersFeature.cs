namespace AsbOps.Web.Features.Markers;

public static class MarkersFeature
{
    /// <summary>History markers for the control room (<c>GET /api/v1/markers</c>).</summary>
    public static IServiceCollection AddMarkersFeature(this IServiceCollection services) => services.AddSingleton<MarkerLookupService>();

    public static void MapMarkersFeature(this RouteGroupBuilder api) => api.MapMarkerApi();
}
