namespace AsbOps.Web.Features.Map;

public static class MapFeature
{
    /// <summary>The map of incidents and open cases of the user's areas (<c>/map</c>).</summary>
    public static IServiceCollection AddMapFeature(this IServiceCollection services)
    {
        services.AddOptions<MapOptions>().BindConfiguration(MapOptions.Section);
        return services.AddScoped<MapQueries>();
    }
}
