using AsbOps.Domain.Incidents;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Map;

/// <summary>What the map shows: incidents of the last <see cref="Days"/> days, of these categories and risk levels.</summary>
/// <param name="Days">30 or 90: how far back incidents (and the heat layer) go.</param>
/// <param name="Categories">The categories to show; empty for all.</param>
/// <param name="Levels">The risk levels to show (an incident takes its case's level); empty for all.</param>
public sealed record MapFilter(int Days, IReadOnlySet<AsbCategory> Categories, IReadOnlySet<RiskLevel> Levels)
{
    public static readonly IReadOnlyList<int> Periods = [30, 90];

    public static MapFilter Default { get; } = new(90, new HashSet<AsbCategory>(), new HashSet<RiskLevel>());

    public bool Shows(AsbCategory category) => Categories.Count == 0 || Categories.Contains(category);

    public bool Shows(RiskLevel level) => Levels.Count == 0 || Levels.Contains(level);
}

/// <summary>One point on the map, as the map's script takes it.</summary>
/// <param name="Kind"><c>incident</c> or <c>case</c>.</param>
/// <param name="Risk">The level's key: high, medium, low, notassessed.</param>
/// <param name="Href">Where clicking it through goes: the case, or the incident when it has no case.</param>
public sealed record MapPoint(
    string Kind,
    long Id,
    double Lat,
    double Lon,
    string Risk,
    string RiskWord,
    string Category,
    string Area,
    string Title,
    string Detail,
    string Href);

/// <summary>An incident in the window that has no coordinates, listed beside the map.</summary>
public sealed record UnplacedIncident(long Id, string StormRef, string Address, string Postcode, DateTime ReceivedAt, RiskLevel Risk, string Href);

/// <summary>Everything the map page shows for one filter.</summary>
/// <param name="IncidentsCapped">More incidents matched than <see cref="MapQueries.IncidentCap"/>: the newest are shown.</param>
/// <param name="UnplacedCount">Incidents in the window without coordinates (all of them, not only those listed).</param>
/// <param name="CasesUnplaced">Open cases none of whose incidents has coordinates.</param>
public sealed record MapData(
    IReadOnlyList<MapPoint> Incidents,
    IReadOnlyList<MapPoint> Cases,
    bool IncidentsCapped,
    int UnplacedCount,
    IReadOnlyList<UnplacedIncident> Unplaced,
    int CasesUnplaced)
{
    public static MapData Empty { get; } = new([], [], false, 0, [], 0);
}
