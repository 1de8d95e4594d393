using AsbOps.Domain.Risk;
using AsbOps.Web.Components.Shared;
using AsbOps.Web.Data;
using AsbOps.Web.Features.Compliance;
using AsbOps.Web.Features.Dashboard;

namespace AsbOps.Web.Tests.Dashboard;

/// <summary>A stand-in for the dashboard's reads: fixed numbers, and a record of what was asked.</summary>
public sealed class FakeDashboardQueries : IOpsDashboardQueries
{
    public List<int?> LoadedAreas { get; } = [];

    public int MissingAssessments { get; set; } = 7;

    public IReadOnlyList<AreaInfo> Areas { get; set; } = [new(1, "NORTH", "North"), new(2, "SOUTH", "South")];

    /// <summary>The victim row's count for each level; null for the default 1, 2, 3, 4 by level.</summary>
    public Dictionary<RiskLevel, int>? RoleCounts { get; set; }

    /// <summary>Snapshots without open-case history, as an area's are.</summary>
    public bool AreaTrendGaps { get; set; }

    /// <summary>The rows of the area heatmap.</summary>
    public IReadOnlyList<string> AreaCodes { get; set; } = ["NORTH", "SOUTH"];

    public Task<IReadOnlyList<AreaInfo>> AreasAsync(CancellationToken cancellationToken = default) => Task.FromResult(Areas);

    public Task<OpsCounters> CountersAsync(int? areaId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new OpsCounters(DateTime.UtcNow, 4, 120, 9, MissingAssessments, 31, 5,
            new Dictionary<string, AreaCounters> { ["NORTH"] = new(4, 120, 9, MissingAssessments, 31, 5) }));

    public async Task<OpsDashboardData> LoadAsync(int? areaId, bool areaInRoleLinks = false, CancellationToken cancellationToken = default)
    {
        LoadedAreas.Add(areaId);
        var counters = await CountersAsync(areaId, cancellationToken);
        var heatmapRow = new HeatmapRow("victim", "Victim", RiskLinks.HeatmapLevels
            .Select(l => new HeatmapCell(l, RoleCounts?.GetValueOrDefault(l) ?? (int)l + 1, RiskLinks.CasesByRole(Domain.Cases.PersonRole.Victim, l))).ToList());
        var areaRows = AreaCodes.Select(code => new HeatmapRow(code, code, RiskLinks.HeatmapLevels
            .Select(l => new HeatmapCell(l, 2, RiskLinks.CasesByArea(code, l))).ToList())).ToList();
        return new OpsDashboardData(
            counters,
            [
                new DashboardQueue("awaitingScreening", "Incidents awaiting VICTOR-E screening", 1,
                    [new QueueItem("LP-1", "Nuisance · 1 Road", "/incidents/42", 0, false)], "No incident is waiting."),
                new DashboardQueue("awaitingApproval", "Lowered levels awaiting the sergeant", 0, [], "No lowered risk level is waiting."),
            ],
            new RiskHeatmap("Role", [heatmapRow]),
            new RiskHeatmap("Area", areaRows),
            Enumerable.Range(0, 12).Select(i => new SnapshotPoint(DateTime.UtcNow.AddDays(-7 * (11 - i)), 10 + i, 3, 1, 2,
                AreaTrendGaps ? null : 100)).ToList());
    }

    /// <summary>The wallboard's high-risk cases, in the order the real query would give them.</summary>
    public IReadOnlyList<HighRiskCaseRow> HighRisk { get; set; } = [new("ASB-2026-000001", "NORTH", RiskLevel.High, DateTime.UtcNow, false, true)];

    public Task<IReadOnlyList<HighRiskCaseRow>> HighRiskCasesAsync(int? areaId, int cap = 50, CancellationToken cancellationToken = default) =>
        Task.FromResult(HighRisk);
}
