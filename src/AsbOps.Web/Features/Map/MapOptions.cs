namespace AsbOps.Web.Features.Map;

/// <summary>
/// Section <c>Map</c>: the tile server behind the map. Forces run their own (or none on a closed network); with no
/// <see cref="TileUrl"/> the map draws its points on a blank background.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "Map";

    /// <summary>A Leaflet tile URL template, e.g. <c>https://tiles.example/{z}/{x}/{y}.png</c>; empty for none.</summary>
    public string TileUrl { get; set; } = "";

    /// <summary>The attribution the tile server asks for, shown in the map's corner (HTML allowed, as Leaflet takes it).</summary>
    public string Attribution { get; set; } = "";
}
