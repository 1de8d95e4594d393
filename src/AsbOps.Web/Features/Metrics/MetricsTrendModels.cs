using AsbOps.Domain.Compliance;
using AsbOps.Domain.Risk;

namespace AsbOps.Web.Features.Metrics;

/// <summary>How a trend groups time: calendar weeks starting on Monday, or calendar months.</summary>
public enum TrendGrain
{
    Week = 1,
    Month = 2,
}

/// <summary>
/// One step of a trend: dates from <see cref="Start"/> up to (not including) <see cref="End"/>, clipped to the
/// chosen period, and the guidance versions published in it (the version starts each trend marks).
/// </summary>
public sealed record TrendPeriod(DateOnly Start, DateOnly End, string Label, IReadOnlyList<int> VersionsStarting)
{
    /// <summary>The label with the version starts marked, as charts and tables show it.</summary>
    public string MarkedLabel => VersionsStarting.Count == 0
        ? Label
        : $"{Label} (v{string.Join(", v", VersionsStarting)} starts)";
}

/// <summary>How often one option of one question was chosen, period by period (complete assessments).</summary>
public sealed record AnswerTrend(AssessmentKind Matrix, string QuestionKey, string Value, string OptionLabel, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>Answers and "unknown" answers of a question that allows unknown, period by period.</summary>
public sealed record UnknownTrend(AssessmentKind Matrix, string QuestionKey, string QuestionText, IReadOnlyList<int> Answered, IReadOnlyList<int> Unknown)
{
    public double? Share(int period) => Answered[period] == 0 ? null : (double)Unknown[period] / Answered[period];
}

/// <summary>
/// How long unknowns stay open, for complete assessments completed in the period: unknowns answered since (the answer
/// changed after completion) with the median days from completion to the answer, and unknowns still open on a current
/// assessment with the median days they have been open so far.
/// </summary>
public sealed record UnknownLifePoint(int Answered, double? MedianDaysToAnswer, int StillOpen, double? MedianDaysOpen);

/// <summary>Cases opened in the period: how many have a complete assessment, and hours to the first (median, 90th).</summary>
public sealed record TimeToFirstPoint(int Opened, int Assessed, double? MedianHours, double? P90Hours);

/// <summary>Complete assessments of one role (or "Location") by the level that counts, period by period.</summary>
public sealed record LevelsTrend(string Role, IReadOnlyList<int> Low, IReadOnlyList<int> Medium, IReadOnlyList<int> High);

/// <summary>
/// Professional-judgement overrides on assessments completed in the period: raised, lowered, and what became of the
/// lowered ones (a sergeant approves or rejects lowering a computed high; lowering medium needs no decision).
/// </summary>
public sealed record OverridePoint(int Raised, int Lowered, int Approved, int Rejected, int Pending, int NotRequired);

/// <summary>
/// Cases entering high risk in the period (their first complete high assessment), how many are still high, and the
/// median days high (to the end of their last marker or closure, or to now while still high).
/// </summary>
public sealed record HighRiskPoint(int Entering, int StillHigh, double? MedianDaysHigh);

/// <summary>Distinct cases found breaking one compliance rule by the checks taken in each period.</summary>
public sealed record RuleTrend(ComplianceRule Rule, string Title, IReadOnlyList<int> Cases);

/// <summary>Every trend of the metrics page for one filter; lists of numbers run in the order of <see cref="Periods"/>.</summary>
public sealed record MetricsTrends(
    TrendGrain Grain,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<TrendPeriod> Periods,
    IReadOnlyList<AnswerTrend> Answers,
    IReadOnlyList<UnknownTrend> Unknowns,
    IReadOnlyList<UnknownLifePoint> UnknownLife,
    IReadOnlyList<TimeToFirstPoint> TimeToFirst,
    IReadOnlyList<LevelsTrend> Levels,
    IReadOnlyList<OverridePoint> Overrides,
    IReadOnlyList<HighRiskPoint> HighRisk,
    IReadOnlyList<RuleTrend> Rules);
