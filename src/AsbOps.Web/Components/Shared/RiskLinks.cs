using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Components.Shared;

/// <summary>The stable case-list and case addresses the dashboard links to (integration.md routes).</summary>
public static class RiskLinks
{
    public static IReadOnlyList<RiskLevel> HeatmapLevels { get; } = [RiskLevel.Low, RiskLevel.Medium, RiskLevel.High, RiskLevel.NotAssessed];

    public static IReadOnlyList<PersonRole> HeatmapRoles { get; } = [PersonRole.Victim, PersonRole.Perpetrator, PersonRole.Witness];

    /// <summary>The query value of a level: <c>low|medium|high|notassessed</c>.</summary>
    public static string Slug(RiskLevel level) => level.ToString().ToLowerInvariant();

    public static string Slug(PersonRole role) => role.ToString().ToLowerInvariant();

    public static string LevelLabel(RiskLevel level) => level == RiskLevel.NotAssessed ? "Not assessed" : level.ToString();

    public static string Case(string caseRef) => "/cases/" + Uri.EscapeDataString(caseRef);

    public static string Incident(long id) => "/incidents/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string CasesByRole(PersonRole role, RiskLevel level, string? areaCode = null) =>
        $"/cases?risk={Slug(level)}&role={Slug(role)}" + (areaCode is null ? "" : "&area=" + Uri.EscapeDataString(areaCode));

    public static string CasesByArea(string areaCode, RiskLevel level) => $"/cases?area={Uri.EscapeDataString(areaCode)}&risk={Slug(level)}";
}
