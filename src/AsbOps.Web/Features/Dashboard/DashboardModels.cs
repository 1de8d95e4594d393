using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Compliance;

namespace AsbOps.Web.Features.Dashboard;

/// <summary>One row of a work queue: what it is, a short detail, where it opens, and whether it is past a limit.</summary>
public sealed record QueueItem(string Label, string Detail, string Href, int? AgeDays, bool Alert);

/// <summary>A work queue: its full count and its first rows.</summary>
public sealed record DashboardQueue(string Key, string Title, int Count, IReadOnlyList<QueueItem> Items, string EmptyText, string? Note = null);

/// <summary>One heatmap cell: a count and the case list it opens.</summary>
public sealed record HeatmapCell(RiskLevel Level, int Count, string Href);

/// <summary>One heatmap row (a role or an area) across the risk levels.</summary>
public sealed record HeatmapRow(string Key, string Label, IReadOnlyList<HeatmapCell> Cells);

/// <summary>A heatmap of counts by row × risk level, in <see cref="RiskLinks.HeatmapLevels"/> order.</summary>
public sealed record RiskHeatmap(string Title, IReadOnlyList<HeatmapRow> Rows);

/// <summary>An open high-risk case as the wallboard shows it; <paramref name="PlanOverdue"/> when its action plan is late.</summary>
public sealed record HighRiskCaseRow(
    string CaseRef, string AreaCode, RiskLevel RiskLevel, DateTime? Since, bool HasActionPlan, bool HasActiveMarker, bool PlanOverdue = false);

/// <summary>Everything the dashboard shows for one scope, loaded in one go.</summary>
public sealed record OpsDashboardData(
    OpsCounters Counters,
    IReadOnlyList<DashboardQueue> Queues,
    RiskHeatmap RoleHeatmap,
    RiskHeatmap AreaHeatmap,
    IReadOnlyList<SnapshotPoint> Trend);
