namespace AsbOps.Domain.Places;

/// <summary>Distances on the ground between two points given in degrees (WGS84), good to a metre or so at a town's scale.</summary>
public static class GeoDistance
{
    private const double EarthRadiusMetres = 6_371_000;

    /// <summary>The great-circle distance in metres (haversine).</summary>
    public static double Metres(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var phi1 = Radians(latitude1);
        var phi2 = Radians(latitude2);
        var dPhi = Radians(latitude2 - latitude1);
        var dLambda = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(dPhi / 2), 2) + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Pow(Math.Sin(dLambda / 2), 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Degrees of latitude and of longitude that span at least <paramref name="metres"/> around a latitude (a box to pre-filter by).</summary>
    public static (double Latitude, double Longitude) Span(double latitude, double metres)
    {
        var lat = metres / 111_000.0;
        var lon = metres / (111_000.0 * Math.Max(0.01, Math.Cos(Radians(latitude))));
        return (lat, lon);
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
