using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Compliance;

namespace AsbOps.Web.Features.Metrics;

/// <summary>The task-and-finish group's filter: guidance version, area and a period of completion dates (inclusive).</summary>
public sealed record MetricsFilter(int? GuidanceVersionId = null, int? AreaId = null, DateOnly? From = null, DateOnly? To = null);

public sealed record GuidanceVersionOption(int Id, int Number);

/// <summary>Current complete assessments of one role (or "Location") by level.</summary>
public sealed record LevelsByRoleRow(string Role, int Low, int Medium, int High)
{
    public int Total => Low + Medium + High;
}

/// <summary>How often a question that allows "unknown" was answered unknown.</summary>
public sealed record UnknownShareRow(AssessmentKind Matrix, string QuestionKey, string QuestionText, int Answered, int Unknown)
{
    public double Share => Answered == 0 ? 0 : (double)Unknown / Answered;
}

/// <summary>A professional-judgement level that differs from the computed one.</summary>
public sealed record OverrideRow(string CaseRef, AssessmentKind Kind, RiskLevel Computed, RiskLevel Judgement, string? Rationale,
    OverrideApproval Approval, DateTime CompletedAt);

public sealed record OverrideSummary(int Up, int Down, IReadOnlyList<OverrideRow> Latest);

/// <summary>Everything the metrics page shows for one filter.</summary>
public sealed record GuidanceMetrics(
    IReadOnlyList<LevelsByRoleRow> LevelsByRole,
    IReadOnlyList<UnknownShareRow> UnknownShare,
    OverrideSummary Overrides,
    IReadOnlyList<SnapshotPoint> HeadlineHistory);
