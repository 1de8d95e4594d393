using AsbOps.Domain.Risk;
using AsbOps.Web.Features.Compliance;

namespace AsbOps.Web.Features.Metrics;

/// <summary>
/// The task-and-finish group's filter: guidance version, area and a period of dates (inclusive). The period applies to
/// completion dates of assessments, to opening dates for the time to a first assessment, and to queue dates of reminders.
/// <see cref="Grain"/> is the step of the trends.
/// </summary>
public sealed record MetricsFilter(int? GuidanceVersionId = null, int? AreaId = null, DateOnly? From = null, DateOnly? To = null,
    TrendGrain Grain = TrendGrain.Month);

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

/// <summary>
/// Cases opened in the period: hours from opening to the earliest complete assessment. <see cref="Median"/> and
/// <see cref="P90"/> are null when no case has a complete assessment yet.
/// </summary>
public sealed record TimeToFirstAssessment(int Count, double? Median, double? P90, int WithoutCompleteAssessment);

/// <summary>
/// Assessments with reminders queued in the period: reminders per assessment, and how many of those assessments are
/// now answered (no unknown left, or superseded).
/// </summary>
public sealed record RemindersPerAssessment(int Assessments, double Average, int Max, int Answered);

/// <summary>Everything the metrics page shows for one filter.</summary>
public sealed record GuidanceMetrics(
    IReadOnlyList<LevelsByRoleRow> LevelsByRole,
    IReadOnlyList<UnknownShareRow> UnknownShare,
    OverrideSummary Overrides,
    IReadOnlyList<SnapshotPoint> HeadlineHistory,
    TimeToFirstAssessment TimeToFirstAssessment,
    RemindersPerAssessment Reminders);
