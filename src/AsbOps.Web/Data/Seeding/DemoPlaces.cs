namespace AsbOps.Web.Data.Seeding;

/// <summary>One demo area: its code and name, towns, postcode districts, and how busy it is.</summary>
internal sealed record DemoAreaPlace(string Code, string Name, IReadOnlyList<string> Towns, IReadOnlyList<string> Districts, double Weight);

/// <summary>
/// The eight areas of the demo force and fictional addresses in them. Street names are invented; postcodes use
/// real Leicestershire districts with random, fictional units.
/// </summary>
internal static class DemoPlaces
{
    public static readonly IReadOnlyList<DemoAreaPlace> Areas =
    [
        new("CHARNWOOD", "Charnwood", ["Loughborough", "Shepshed", "Syston", "Birstall", "Anstey", "Quorn", "Sileby"], ["LE11", "LE12", "LE7", "LE4"], 1.4),
        new("MELTON", "Melton", ["Melton Mowbray", "Asfordby", "Waltham on the Wolds", "Bottesford"], ["LE13", "LE14", "NG13"], 0.6),
        new("HARBOROUGH", "Harborough", ["Market Harborough", "Lutterworth", "Broughton Astley", "Kibworth"], ["LE16", "LE17", "LE8"], 0.8),
        new("BLABY", "Blaby", ["Blaby", "Braunstone Town", "Narborough", "Enderby", "Whetstone", "Glenfield"], ["LE8", "LE19", "LE3", "LE9"], 0.9),
        new("HINCKLEY", "Hinckley and Bosworth", ["Hinckley", "Earl Shilton", "Burbage", "Barwell", "Market Bosworth"], ["LE10", "LE9", "CV13"], 1.0),
        new("NWLEICS", "North West Leicestershire", ["Coalville", "Ashby-de-la-Zouch", "Castle Donington", "Ibstock", "Measham"], ["LE67", "LE65", "DE74", "DE12"], 1.0),
        new("OADBY", "Oadby and Wigston", ["Oadby", "Wigston", "South Wigston"], ["LE2", "LE18"], 0.6),
        new("CITY", "Leicester City", ["Leicester"], ["LE1", "LE2", "LE3", "LE4", "LE5"], 2.7),
    ];

    /// <summary>Parts of Leicester, so city addresses read like a city.</summary>
    public static readonly IReadOnlyList<string> CityDistricts =
        ["Braunstone", "Beaumont Leys", "Highfields", "Belgrave", "Saffron", "New Parks", "Evington", "Aylestone", "Humberstone", "Clarendon Park"];

    private static readonly string[] StreetNames =
    [
        "Alder", "Ashfield", "Badger", "Beacon", "Bramble", "Brookside", "Castlefield", "Chestnut", "Coppice", "Cranmer",
        "Dovecote", "Elmhurst", "Fernlea", "Foxglove", "Garendon", "Glebe", "Hawthorn", "Heather", "Holly", "Juniper",
        "Kestrel", "Larkspur", "Linden", "Maplewell", "Meadowsweet", "Millstone", "Nutkin", "Orchard", "Pennine", "Quarry",
        "Rowan", "Saxon", "Sandpiper", "Sorrel", "Swithland", "Tanners", "Thistle", "Verdon", "Wharf", "Willowbrook",
    ];

    private static readonly string[] StreetKinds =
        ["Road", "Street", "Close", "Avenue", "Lane", "Way", "Drive", "Crescent", "Walk", "Gardens"];

    private static readonly string[] PublicPlaces =
    [
        "Recreation Ground", "Park", "playing fields", "precinct shops", "community centre car park", "bus station",
        "play area", "canal towpath", "skate park", "railway footbridge", "allotments", "retail park",
    ];

    private const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public static string Street(Random rng) => $"{rng.Pick(StreetNames)} {rng.Pick(StreetKinds)}";

    public static string Town(Random rng, DemoAreaPlace area) =>
        area.Code == "CITY" ? $"{rng.Pick(CityDistricts)}, Leicester" : rng.Pick(area.Towns);

    public static string Postcode(Random rng, DemoAreaPlace area) =>
        $"{rng.Pick(area.Districts)} {rng.Next(1, 10)}{UnitLetters[rng.Next(UnitLetters.Length)]}{UnitLetters[rng.Next(UnitLetters.Length)]}";

    /// <summary>A home address, e.g. "27 Kestrel Close, Shepshed".</summary>
    public static DemoAddress Home(Random rng, DemoAreaPlace area) =>
        new($"{rng.Next(1, 140)} {Street(rng)}, {Town(rng, area)}", Postcode(rng, area));

    /// <summary>A public location, e.g. "Rowan Road play area, Syston".</summary>
    public static DemoAddress PublicPlace(Random rng, DemoAreaPlace area) =>
        new($"{rng.Pick(StreetNames)} {rng.Pick(PublicPlaces)}, {Town(rng, area)}", Postcode(rng, area));
}

/// <summary>An address line and its postcode.</summary>
internal sealed record DemoAddress(string Line, string Postcode);
