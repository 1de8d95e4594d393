using AsbOps.Domain.Cases;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Components.Shared;

/// <summary>The stable case-list and case addresses the dashboard links to (integration.md routes).</summary>
public static class RiskLinks
{
    public static IReadOnlyList<RiskLevel> HeatmapLevels { get; } = [RiskLevel.Low, RiskLevel.Medium, RiskLevel.High, RiskLevel.NotAssessed];

    public static IReadOnlyList<PersonRole> HeatmapRoles { get; } = [PersonRole.Victim, PersonRole.Perpetrator, PersonRole.Witness];

    public static string Case(string caseRef) => "/cases/" + Uri.EscapeDataString(caseRef);

    public static string Incident(long id) => "/incidents/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string CasesByRole(PersonRole role, RiskLevel level, string? areaCode = null) =>
        $"/cases?risk={CaseDisplay.Key(level)}&role={CaseDisplay.Key(role)}" + (areaCode is null ? "" : "&area=" + Uri.EscapeDataString(areaCode));

    public static string CasesByArea(string areaCode, RiskLevel level) => $"/cases?area={Uri.EscapeDataString(areaCode)}&risk={CaseDisplay.Key(level)}";
}
