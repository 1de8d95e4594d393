namespace AsbOps.Web.Data.Seeding;

/// <summary>
/// Rough coordinates for demo incidents: the centre of the town (or Leicester district) named at the end of the
/// address, moved a little. Worked out from the incident's reference alone, so the seeded force's random draws (and
/// everything generated after them) stay as they were. About one incident in fourteen has none, as when the control
/// room could not place the call.
/// </summary>
internal static class DemoCoordinates
{
    private static readonly Dictionary<string, (double Lat, double Lon)> Centres = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Loughborough"] = (52.772, -1.206),
        ["Shepshed"] = (52.770, -1.294),
        ["Syston"] = (52.700, -1.076),
        ["Birstall"] = (52.675, -1.120),
        ["Anstey"] = (52.672, -1.190),
        ["Quorn"] = (52.745, -1.170),
        ["Sileby"] = (52.731, -1.110),
        ["Melton Mowbray"] = (52.766, -0.886),
        ["Asfordby"] = (52.763, -0.951),
        ["Waltham on the Wolds"] = (52.823, -0.814),
        ["Bottesford"] = (52.943, -0.800),
        ["Market Harborough"] = (52.478, -0.921),
        ["Lutterworth"] = (52.455, -1.200),
        ["Broughton Astley"] = (52.528, -1.221),
        ["Kibworth"] = (52.540, -0.995),
        ["Blaby"] = (52.575, -1.165),
        ["Braunstone Town"] = (52.613, -1.175),
        ["Narborough"] = (52.573, -1.203),
        ["Enderby"] = (52.590, -1.208),
        ["Whetstone"] = (52.570, -1.178),
        ["Glenfield"] = (52.650, -1.207),
        ["Hinckley"] = (52.541, -1.373),
        ["Earl Shilton"] = (52.577, -1.313),
        ["Burbage"] = (52.528, -1.350),
        ["Barwell"] = (52.565, -1.343),
        ["Market Bosworth"] = (52.624, -1.400),
        ["Coalville"] = (52.722, -1.370),
        ["Ashby-de-la-Zouch"] = (52.746, -1.476),
        ["Castle Donington"] = (52.842, -1.339),
        ["Ibstock"] = (52.687, -1.400),
        ["Measham"] = (52.706, -1.507),
        ["Oadby"] = (52.600, -1.080),
        ["Wigston"] = (52.585, -1.105),
        ["South Wigston"] = (52.580, -1.130),
        ["Braunstone"] = (52.627, -1.176),
        ["Beaumont Leys"] = (52.667, -1.155),
        ["Highfields"] = (52.628, -1.115),
        ["Belgrave"] = (52.654, -1.122),
        ["Saffron"] = (52.608, -1.145),
        ["New Parks"] = (52.645, -1.180),
        ["Evington"] = (52.626, -1.085),
        ["Aylestone"] = (52.607, -1.153),
        ["Humberstone"] = (52.647, -1.083),
        ["Clarendon Park"] = (52.618, -1.120),
        ["Leicester"] = (52.636, -1.133),
    };

    /// <summary>Where the incident at <paramref name="address"/> happened, or null for the few left unplaced.</summary>
    public static (double Latitude, double Longitude)? For(string address, string stormRef)
    {
        var hash = Fnv(stormRef);
        if (hash % 14 == 0)
        {
            return null;
        }

        var parts = address.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var place = parts.Length >= 3 && parts[^1] == "Leicester" ? parts[^2] : parts.Length >= 2 ? parts[^1] : "";
        if (!Centres.TryGetValue(place, out var centre))
        {
            return null;
        }

        // Up to about 1.5 km either way.
        var dLat = ((int)((hash >> 8) % 2001) - 1000) / 1000.0 * 0.013;
        var dLon = ((int)((hash >> 20) % 2001) - 1000) / 1000.0 * 0.02;
        return (Math.Round(centre.Lat + dLat, 5), Math.Round(centre.Lon + dLon, 5));
    }

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
